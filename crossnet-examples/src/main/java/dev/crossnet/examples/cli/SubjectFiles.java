package dev.crossnet.examples.cli;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.subject.Subject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The picture files of one subject, as one {@code --subject a.png,b.png} option gives them: the option may be
 * repeated, one subject per occurrence.
 *
 * @param files the subject's pictures, in the order given
 */
record SubjectFiles(List<Path> files) {

  SubjectFiles {
    files = List.copyOf(files);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("a subject needs at least one picture");
    }
  }

  /** The pictures read from the files, in order. */
  List<Picture> pictures() throws IOException {
    List<Picture> pictures = new ArrayList<>();
    for (Path file : files) {
      pictures.add(Picture.read(file));
    }
    return pictures;
  }

  /** The subject called {@code word}, its pictures read from the files. */
  Subject read(String word) throws IOException {
    return Subject.of(word, pictures());
  }

  /** Reads {@code a.png,b.png} (spaces around the commas ignored) as one subject's files. */
  static final class Converter implements ITypeConverter<SubjectFiles> {

    @Override
    public SubjectFiles convert(String text) {
      List<Path> files = Arrays.stream(text.split(",")).map(String::trim).filter(f -> !f.isEmpty())
          .map(Path::of).toList();
      if (files.isEmpty()) {
        throw new TypeConversionException("--subject takes picture files, comma-separated, e.g. dog1.png,dog2.png; "
            + "got '" + text + "'");
      }
      return new SubjectFiles(files);
    }
  }
}
