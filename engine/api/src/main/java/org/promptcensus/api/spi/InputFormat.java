package org.promptcensus.api.spi;

import java.io.IOException;
import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Reads another log schema into canonical {@link org.promptcensus.api.Request}s: a gateway's or an
 * observability tool's export. Built-in formats and plugin formats implement the same interface;
 * {@code --format NAME} chooses one, otherwise the engine asks every format to {@link #sniff} the
 * input and takes the only confident one.
 *
 * <p>Thread-safety: an instance may be called from several threads at once; each {@link #read}
 * returns an independent stream.
 */
public interface InputFormat extends ExtensionPoint {
    /** @return the short name used with {@code --format}, e.g. {@code langfuse} */
    String name();

    /** @return one line for {@code census formats} */
    default String description() {
        return name();
    }

    /**
     * Judges whether an input is in this format from its first bytes.
     *
     * @param head the first characters of the first input (up to 64 KB, decoded as UTF-8)
     * @return 0 when it is not this format, 1 when it certainly is, in between when it may be
     */
    default double sniff(String head) {
        return 0;
    }

    /**
     * Reads the inputs. Formats that join several files (a batch input with its output) receive
     * them all at once; others read them one after the other.
     *
     * @param inputs the inputs, in command-line order
     * @return the records; a record that cannot be read is a failed {@link ReadResult}, never an exception
     * @throws IOException when an input cannot be read at all
     */
    RecordStream read(List<InputSource> inputs) throws IOException;
}
