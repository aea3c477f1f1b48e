package io.github.posa4j.codec;

/** An enum for the tests, with a constant that has a body of its own. */
enum Color {
  RED,
  GREEN {
    @Override
    public String toString() {
      return "green";
    }
  },
  BLUE
}
