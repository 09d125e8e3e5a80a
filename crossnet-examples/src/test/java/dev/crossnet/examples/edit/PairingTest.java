package dev.crossnet.examples.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossnet.core.figureworld.FigureKind;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PairingTest {

  @Test
  void kindsArePairedBySkeleton() {
    assertThat(Pairing.of(FigureKind.DOG, FigureKind.DOG)).isEqualTo(Pairing.SAME_KIND);
    assertThat(Pairing.of(FigureKind.PERSON, FigureKind.ROBOT)).isEqualTo(Pairing.SAME_SKELETON);
    assertThat(Pairing.of(FigureKind.CAT, FigureKind.DOG)).isEqualTo(Pairing.SAME_SKELETON);
    assertThat(Pairing.of(FigureKind.ROBOT, FigureKind.DOG)).isEqualTo(Pairing.UNLIKE_SKELETON);
    assertThat(Pairing.of(FigureKind.DOG, FigureKind.BIRD)).isEqualTo(Pairing.UNLIKE_SKELETON);
    assertThat(Pairing.of(FigureKind.BIRD, FigureKind.PERSON)).isEqualTo(Pairing.UNLIKE_SKELETON);
  }

  @Test
  void theTableGivesLookAndPosePerPairingAndADashWhereAMethodHasNoCase() {
    EditBenchmark.Totals a = new EditBenchmark.Totals();
    a.byPairing.put(Pairing.SAME_KIND, new double[] {4, 3, 2});
    a.byPairing.put(Pairing.UNLIKE_SKELETON, new double[] {2, 0, 1});
    EditBenchmark.Totals b = new EditBenchmark.Totals();
    b.byPairing.put(Pairing.SAME_KIND, new double[] {4, 1, 4});
    Map<String, EditBenchmark.Totals> totals = new LinkedHashMap<>();
    totals.put("A", a);
    totals.put("B", b);

    String table = EditBenchmark.pairingTable(totals);

    assertThat(table).contains("| method | same kind (4) | other kind, same skeleton (0) | unlike skeleton (2) |")
        .contains("| A | 75 % / 50 % | - | 0 % / 50 % |")
        .contains("| B | 25 % / 100 % | - | - |");
  }
}
