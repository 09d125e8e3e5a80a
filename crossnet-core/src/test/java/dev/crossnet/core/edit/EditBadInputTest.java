package dev.crossnet.core.edit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossnet.api.edit.Editor;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.region.Region;
import dev.crossnet.api.subject.Subject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad edits are refused by the API's types and checks before any model work, each with its fix. */
class EditBadInputTest {

  private static final Picture BEDROCK = Picture.filled(32, 32, 0x406080);
  private static final Subject DOG = Subject.of("<dog>", Picture.filled(8, 8, 0));
  private static final Subject CAT = Subject.of("<cat>", Picture.filled(8, 8, 0));

  @Test
  void aRegionThatCoversNothingIsRefused() {
    assertThatThrownBy(() -> Editor.bedrock(BEDROCK).replace(Region.mask(Mask.of(32, 32, new float[32 * 32]))))
        .hasMessageContaining("covers nothing");
  }

  @Test
  void anEmptyBoxIsRefusedWhenItIsMade() {
    assertThatThrownBy(() -> Region.box(3, 3, 0, 5)).hasMessageContaining("positive size");
  }

  @Test
  void aRegionThatCoversEverythingIsRefused() {
    assertThatThrownBy(() -> Editor.bedrock(BEDROCK).replace(Region.box(0, 0, 32, 32)))
        .hasMessageContaining("covers the whole");
  }

  @Test
  void moreSubjectsThanRegionsIsRefusedSayingHowToPairThem() {
    assertThatThrownBy(() -> Editor.bedrock(BEDROCK).replace(Region.box(1, 1, 8, 8)).with(List.of(DOG, CAT)))
        .hasMessageContaining("more subjects than regions")
        .hasMessageContaining(".replace(r1).with(s1).replace(r2).with(s2)");
  }

  @Test
  void twoSubjectsWithOneWordAreRefused() {
    assertThatThrownBy(() -> Editor.bedrock(BEDROCK).replace(Region.box(1, 1, 8, 8)).with(DOG)
        .replace(Region.box(10, 10, 8, 8)).with(Subject.of("<dog>", Picture.filled(4, 4, 0))))
        .hasMessageContaining("two subjects use the word '<dog>'");
  }
}
