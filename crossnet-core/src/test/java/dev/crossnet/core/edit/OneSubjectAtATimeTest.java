package dev.crossnet.core.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossnet.api.edit.EditRequest;
import dev.crossnet.api.edit.EditResult;
import dev.crossnet.api.edit.EditSettings;
import dev.crossnet.api.edit.Replacement;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.progress.Progress;
import dev.crossnet.api.region.Region;
import dev.crossnet.api.subject.Subject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OneSubjectAtATimeTest {

  private static final Picture BEDROCK = Picture.filled(8, 8, 0x000000);

  private static Replacement replacement(String word, int x) {
    return new Replacement(Region.box(x, 0, 2, 2), Subject.of(word, Picture.filled(4, 4, 0xFF0000)));
  }

  private static EditRequest request(String subjects, List<Progress> seen) {
    EditSettings settings = EditSettings.defaults().withPrompt("a photo of <dog> and <cat> in a park")
        .withOption(OneSubjectAtATime.OPTION, subjects).withProgress(seen::add);
    return new EditRequest(BEDROCK, List.of(replacement("<dog>", 0), replacement("<cat>", 4)), settings, 9);
  }

  @Test
  void eachSubjectIsEditedOnTheResultOfTheOneBeforeWithItsOwnPrompt() {
    List<Progress> seen = new ArrayList<>();
    List<EditRequest> calls = new ArrayList<>();
    EditResult result = OneSubjectAtATime.run(request(OneSubjectAtATime.ONE_BY_ONE, seen), one -> {
      calls.add(one);
      one.settings().progress().onProgress(new Progress("sample", 3, 3));
      // each fake edit paints its region's left column white, so the second sees the first's change
      int[] px = one.bedrock().rgbPixels();
      px[one.replacements().get(0).region().toMask(8, 8).bounds().orElseThrow().x()] = 0xFFFFFF;
      return new EditResult(Picture.ofRgb(8, 8, px), one.seed(), Map.of("sample", Duration.ofSeconds(2)),
          Map.of("prompt", one.settings().prompt()));
    });
    assertThat(calls).hasSize(2);
    assertThat(calls).allSatisfy(c -> assertThat(c.replacements()).hasSize(1));
    assertThat(calls.get(0).settings().prompt()).isEqualTo("a photo of <dog> in a park");
    assertThat(calls.get(1).settings().prompt()).isEqualTo("a photo of <cat> in a park");
    assertThat(calls.get(1).bedrock().rgb(0, 0) & 0xFFFFFF).as("the second edit starts from the first's result")
        .isEqualTo(0xFFFFFF);
    assertThat(result.picture().rgb(0, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    assertThat(result.picture().rgb(4, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    assertThat(result.timings()).containsEntry("sample", Duration.ofSeconds(4));
    assertThat(result.record()).containsEntry("subjects", "one-by-one")
        .containsEntry("subject-0.prompt", "a photo of <dog> in a park")
        .containsEntry("subject-1.prompt", "a photo of <cat> in a park");
    assertThat(seen).extracting(p -> p.done() + "/" + p.total()).containsExactly("3/6", "6/6");
  }

  @Test
  void theOtherSubjectsWordsLeaveThePromptWithTheirAnd() {
    assertThat(OneSubjectAtATime.without("<first> and <second>", "<second>")).isEqualTo("<first>");
    assertThat(OneSubjectAtATime.without("<first> and <second>", "<first>")).isEqualTo("<second>");
    assertThat(OneSubjectAtATime.without("<a>, <b> on a beach", "<b>")).isEqualTo("<a>, on a beach");
    assertThat(OneSubjectAtATime.without("<a>", "<b>")).isEqualTo("<a>");
  }

  @Test
  void onlySeveralSubjectsAskedOneByOneRunApartAndAnUnknownValueIsNamed() {
    assertThat(OneSubjectAtATime.asked(request(OneSubjectAtATime.ONE_BY_ONE, new ArrayList<>()), false)).isTrue();
    assertThat(OneSubjectAtATime.asked(request(OneSubjectAtATime.TOGETHER, new ArrayList<>()), true)).isFalse();
    assertThat(OneSubjectAtATime.asked(request(OneSubjectAtATime.AUTO, new ArrayList<>()), true))
        .as("auto with an inpainting UNet").isTrue();
    assertThat(OneSubjectAtATime.asked(request(OneSubjectAtATime.AUTO, new ArrayList<>()), false))
        .as("auto with a text-to-image UNet").isFalse();
    EditRequest single = new EditRequest(BEDROCK, List.of(replacement("<dog>", 0)),
        EditSettings.defaults().withOption(OneSubjectAtATime.OPTION, OneSubjectAtATime.ONE_BY_ONE), 1);
    assertThat(OneSubjectAtATime.asked(single, true)).isFalse();
    assertThatThrownBy(() -> OneSubjectAtATime.asked(request("sequential", new ArrayList<>()), true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'sequential'")
        .hasMessageContaining("one-by-one");
  }
}
