package org.promptcensus.core.plugin;

import java.util.List;

/**
 * What {@code census plugins} shows of one plugin jar.
 *
 * @param id the plugin id (or the jar's file name when it could not be read)
 * @param version its version, or "?"
 * @param state loaded state: started, disabled, failed, ...
 * @param extensions the extensions it provides, as {@code kind:id}
 * @param failure one line on what went wrong, or null
 */
public record PluginStatus(String id, String version, String state, List<String> extensions, String failure) {
    /** Copies the list. */
    public PluginStatus {
        extensions = List.copyOf(extensions);
    }
}
