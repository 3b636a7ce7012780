package io.listening.poller.simulator;

import java.util.SplittableRandom;

/** Plausible, made-up artist, album and track names, and Spotify-shaped ids. */
final class Names {

  private static final String[] ADJECTIVES = {
    "Velvet", "Neon", "Silent", "Golden", "Broken", "Electric", "Midnight", "Paper", "Crystal",
    "Wild", "Hollow", "Lunar", "Crimson", "Faded", "Bright", "Distant", "Gentle", "Restless",
    "Frozen", "Burning", "Secret", "Endless", "Quiet", "Violet"
  };
  private static final String[] NOUNS = {
    "Harbor", "Skyline", "River", "Echo", "Garden", "Highway", "Mirror", "Signal", "Ocean",
    "Summer", "Shadow", "Window", "Machine", "Heart", "Forest", "Letter", "Satellite", "Parade",
    "Horizon", "Lantern", "Canyon", "Station", "Island", "Thunder"
  };
  private static final String[] SYLLABLES = {
    "ka", "lo", "mi", "ra", "ven", "tor", "sa", "el", "nu", "dar", "is", "fen", "ro", "by", "la",
    "zo", "quin", "ma", "rek", "ti"
  };
  private static final char[] BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

  private Names() {}

  static String spotifyId(SplittableRandom random) {
    char[] id = new char[22];
    for (int i = 0; i < id.length; i++) {
      id[i] = BASE62[random.nextInt(BASE62.length)];
    }
    return new String(id);
  }

  static String title(SplittableRandom random) {
    return ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " " + NOUNS[random.nextInt(NOUNS.length)];
  }

  static String artist(SplittableRandom random) {
    int parts = 2 + random.nextInt(2);
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < parts; i++) {
      name.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
    }
    name.setCharAt(0, Character.toUpperCase(name.charAt(0)));
    return random.nextInt(3) == 0 ? "The " + name + "s" : name.toString();
  }
}
