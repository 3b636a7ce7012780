package io.listening.poller.simulator;

import java.util.SplittableRandom;

/**
 * A simulated person: which genres they like and how much, how often they listen, what they
 * listen on, and how impatient they are.
 */
record Listener(
    String userId,
    double[] cumulativeGenreTaste,
    double sessionsPerDay,
    String primaryDevice,
    String primaryPlatform,
    double skipRate) {

  static final String[] DEVICES = {"smartphone", "computer", "speaker", "tv", "car"};
  static final String[] PLATFORMS = {"android", "ios", "windows", "osx", "linux", "web_player"};

  static Listener generate(int index, int genres, SplittableRandom random) {
    double[] taste = new double[genres];
    int favourites = 1 + random.nextInt(Math.min(3, genres));
    for (int i = 0; i < favourites; i++) {
      taste[random.nextInt(genres)] += 4 + random.nextDouble() * 6;
    }
    double cumulative = 0;
    for (int g = 0; g < genres; g++) {
      cumulative += taste[g] + 0.15;
      taste[g] = cumulative;
    }
    int device = random.nextInt(10) < 6 ? 0 : random.nextInt(DEVICES.length);
    String platform =
        switch (DEVICES[device]) {
          case "smartphone" -> random.nextBoolean() ? "android" : "ios";
          case "computer" -> PLATFORMS[2 + random.nextInt(4)];
          default -> "partner";
        };
    return new Listener(
        String.format("user-%04d", index + 1),
        taste,
        1.0 + random.nextDouble() * 3.0,
        DEVICES[device],
        platform,
        0.08 + random.nextDouble() * 0.25);
  }

  int pickGenre(SplittableRandom random) {
    double draw = random.nextDouble() * cumulativeGenreTaste[cumulativeGenreTaste.length - 1];
    for (int g = 0; g < cumulativeGenreTaste.length; g++) {
      if (draw < cumulativeGenreTaste[g]) {
        return g;
      }
    }
    return cumulativeGenreTaste.length - 1;
  }

  String pickDevice(SplittableRandom random) {
    return random.nextInt(10) < 7 ? primaryDevice : DEVICES[random.nextInt(DEVICES.length)];
  }
}
