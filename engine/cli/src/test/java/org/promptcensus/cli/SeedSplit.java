package org.promptcensus.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Splits the labelled seed corpus ({@code corpora/seed/usecase/<category>.jsonl}) into three
 * disjoint parts, deterministically by a hash of each line: one to train a model on, one to
 * measure its confusion matrix on, one for the simulator to draw prompts from. The default model is
 * trained on the whole seed corpus, and the simulator draws from it too, so tagging a simulated log
 * with the default model would test the model on its own training data.
 *
 * <p>Each part is written as {@code DIR/<part>/usecase/<category>.jsonl}, the layout that
 * {@code census train --corpus}, {@code census eval --gold} and {@code census simulate --corpus} read.
 */
final class SeedSplit {
    /** The parts, with their share of the corpus in percent. */
    enum Part {
        TRAIN(50), CALIBRATION(25), SIMULATION(25);

        final int percent;

        Part(int percent) {
            this.percent = percent;
        }

        String dirName() {
            return name().toLowerCase();
        }
    }

    private SeedSplit() {
    }

    /**
     * @param line a corpus line
     * @return its part
     */
    static Part partOf(String line) {
        CRC32 crc = new CRC32();
        crc.update(line.getBytes(StandardCharsets.UTF_8));
        long bucket = crc.getValue() % 100;
        return bucket < Part.TRAIN.percent ? Part.TRAIN
                : bucket < Part.TRAIN.percent + Part.CALIBRATION.percent ? Part.CALIBRATION : Part.SIMULATION;
    }

    /**
     * @param seedUsecase the folder of the seed corpus's category files
     * @param out where to write the parts
     * @return per part, the number of records written
     */
    static Map<Part, Integer> write(Path seedUsecase, Path out) {
        Map<Part, Integer> counts = new EnumMap<>(Part.class);
        try (Stream<Path> files = Files.list(seedUsecase)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList()) {
                Map<Part, List<String>> parts = new EnumMap<>(Part.class);
                for (Part p : Part.values()) {
                    parts.put(p, new ArrayList<>());
                }
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        parts.get(partOf(line)).add(line);
                    }
                }
                for (Part p : Part.values()) {
                    Path dir = Files.createDirectories(out.resolve(p.dirName()).resolve("usecase"));
                    Files.write(dir.resolve(f.getFileName()), parts.get(p), StandardCharsets.UTF_8);
                    counts.merge(p, parts.get(p).size(), Integer::sum);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }

    /**
     * @param part a part
     * @param out the folder given to {@link #write}
     * @return the part's folder of category files
     */
    static Path dir(Part part, Path out) {
        return out.resolve(part.dirName()).resolve("usecase");
    }
}
