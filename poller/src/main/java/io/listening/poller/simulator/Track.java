package io.listening.poller.simulator;

/** A catalogue entry. {@code related} are the tracks listeners tend to play next to this one. */
record Track(
    int index,
    String id,
    String name,
    String artist,
    String album,
    int genre,
    long durationMs,
    int[] related) {}
