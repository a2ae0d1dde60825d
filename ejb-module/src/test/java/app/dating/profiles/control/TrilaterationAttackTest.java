package app.dating.profiles.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.profiles.control.LocationGrid.Cell;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Plays the attacker of issue 4: someone who can set their own position at will (fake GPS) and read
 * the distance the app shows to a victim. They know the algorithm (Kerckhoffs), start from a rough
 * idea of where the victim is (within ~1.5 km), move to many positions around it and keep only the
 * victim positions consistent with every answer; their guess is the centre of what remains.
 *
 * <p>Against the grid the answers depend on the victim's cell only, so the attacker can narrow it
 * down to the cell, never inside it. Against naive rounding of exact distances (the control) every
 * answer's change from k to k+1 km is a circle of radius k+0.5 around the exact position, and many
 * of them pin it down to tens of metres.
 */
class TrilaterationAttackTest {
  private static final double KM_PER_DEGREE = Math.toRadians(LocationGrid.EARTH_RADIUS_KM);
  private static final int VICTIMS = 120;
  private static final int PROBES = 150;
  /** Candidate victim positions: a lattice this fine over a box this large around the rough guess. */
  private static final double LATTICE_KM = 0.025;
  private static final double BOX_KM = 2.5;

  /** What the app shows the attacker standing at a position. */
  interface Shown {
    int km(double latitude, double longitude);
  }

  /** The server under test: distance between cells. */
  private static final Model GRID = new Model() {
    @Override
    public int shown(double[] attacker, double[] victim) {
      return LocationGrid.displayedKm(
          LocationGrid.cellOf(attacker[0], attacker[1]), LocationGrid.cellOf(victim[0], victim[1]));
    }
  };

  /** The control: exact distance, then rounded to whole km (at least 1). */
  private static final Model NAIVE = new Model() {
    @Override
    public int shown(double[] attacker, double[] victim) {
      return LocationGrid.displayedKm(LocationGrid.haversineKm(attacker[0], attacker[1], victim[0], victim[1]));
    }
  };

  interface Model {
    int shown(double[] attacker, double[] victim);
  }

  record Outcome(double[] estimate, int[] answers) {}

  @Test
  void twoVictimsInOneCellGiveTheAttackerIdenticalAnswers() {
    Random random = new Random(7);
    for (int i = 0; i < 20; i++) {
      double[] a = randomPosition(random);
      Cell cell = LocationGrid.cellOf(a[0], a[1]);
      double[] b;
      do {
        b = offset(a, (random.nextDouble() - 0.5) * 2, (random.nextDouble() - 0.5) * 2);
      } while (!LocationGrid.cellOf(b[0], b[1]).equals(cell) || LocationGrid.haversineKm(a[0], a[1], b[0], b[1]) < 0.2);
      double[] rough = offset(a, 0.7, -0.4);
      long seed = random.nextLong();
      Outcome first = attack(GRID, a, rough, new Random(seed));
      Outcome second = attack(GRID, b, rough, new Random(seed));
      assertArrayEquals(first.answers(), second.answers());
      assertArrayEquals(first.estimate(), second.estimate());
    }
  }

  @Test
  void theAttackerCannotDoBetterThanTheCell() {
    double gridError = meanErrorMetres(GRID);
    double naiveError = meanErrorMetres(NAIVE);
    System.out.printf("Trilateration attack, %d victims, %d probes each: mean error %.0f m on the grid,"
        + " %.0f m with naive rounding of exact distances%n", VICTIMS, PROBES, gridError, naiveError);
    // Uniform in a 1 km square, the mean distance to its centre is ~383 m: the cell is the limit.
    assertTrue(gridError > 250 && gridError < 700, "grid: " + gridError);
    assertTrue(naiveError < 100, "naive: " + naiveError);
    assertTrue(gridError > 4 * naiveError);
  }

  private static double meanErrorMetres(Model model) {
    Random random = new Random(42);
    double total = 0;
    for (int i = 0; i < VICTIMS; i++) {
      double[] victim = randomPosition(random);
      double[] rough = offset(victim, (random.nextDouble() - 0.5) * 2, (random.nextDouble() - 0.5) * 2);
      double[] estimate = attack(model, victim, rough, new Random(random.nextLong())).estimate();
      total += LocationGrid.haversineKm(estimate[0], estimate[1], victim[0], victim[1]) * 1000;
    }
    return total / VICTIMS;
  }

  /** The attack: only {@code shown} touches the victim; the rest is what the attacker can compute. */
  private static Outcome attack(Model model, double[] victim, double[] rough, Random moves) {
    Shown shown = (lat, lon) -> model.shown(new double[] {lat, lon}, victim);
    List<double[]> candidates = new ArrayList<>();
    int steps = (int) Math.round(BOX_KM / LATTICE_KM);
    for (int x = -steps; x <= steps; x++) {
      for (int y = -steps; y <= steps; y++) {
        candidates.add(offset(rough, x * LATTICE_KM, y * LATTICE_KM));
      }
    }
    int[] answers = new int[PROBES];
    for (int p = 0; p < PROBES; p++) {
      double bearing = moves.nextDouble() * 2 * Math.PI;
      double distance = 0.3 + moves.nextDouble() * 4;
      double[] fake = offset(rough, distance * Math.sin(bearing), distance * Math.cos(bearing));
      int answer = shown.km(fake[0], fake[1]);
      answers[p] = answer;
      List<double[]> consistent = consistent(model, fake, answer, candidates);
      if (!consistent.isEmpty()) {
        candidates = consistent;
      }
    }
    return new Outcome(centroid(candidates), answers);
  }

  private static List<double[]> consistent(Model model, double[] fake, int answer, List<double[]> candidates) {
    List<double[]> kept = new ArrayList<>();
    Map<Cell, Integer> byCell = new HashMap<>();
    for (double[] candidate : candidates) {
      int predicted = model == GRID
          ? byCell.computeIfAbsent(LocationGrid.cellOf(candidate[0], candidate[1]), c -> model.shown(fake, candidate))
          : model.shown(fake, candidate);
      if (predicted == answer) {
        kept.add(candidate);
      }
    }
    return kept;
  }

  private static double[] centroid(List<double[]> points) {
    double lat = 0;
    double lon = 0;
    double[] first = points.get(0);
    for (double[] point : points) {
      lat += point[0];
      lon += first[1] + wrap(point[1] - first[1]);
    }
    return new double[] {lat / points.size(), wrap(lon / points.size())};
  }

  /** A victim anywhere people live, the antimeridian included (polar caps aside). */
  private static double[] randomPosition(Random random) {
    return new double[] {random.nextDouble() * 140 - 70, random.nextDouble() * 360 - 180};
  }

  private static double[] offset(double[] from, double eastKm, double northKm) {
    double lat = from[0] + northKm / KM_PER_DEGREE;
    double lon = from[1] + eastKm / (KM_PER_DEGREE * Math.cos(Math.toRadians(from[0])));
    return new double[] {lat, wrap(lon)};
  }

  private static double wrap(double longitude) {
    double wrapped = ((longitude + 180) % 360 + 360) % 360 - 180;
    return wrapped;
  }

  @Test
  void wrapKeepsLongitudesInRange() {
    assertEquals(-179.5, wrap(180.5), 1e-9);
    assertEquals(179.5, wrap(-180.5), 1e-9);
  }
}
