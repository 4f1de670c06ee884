package org.promptcensus.core.plugin;

import java.util.List;
import org.promptcensus.api.Request;
import org.promptcensus.api.spi.Contribution;
import org.promptcensus.api.spi.Tagger;

/** A plugin tagger that remembers which plugin it came from, for error messages. Thread-safe if the delegate is. */
public final class GuardedTagger implements Tagger {
    private final String pluginId;
    private final Tagger delegate;

    GuardedTagger(String pluginId, Tagger delegate) {
        this.pluginId = pluginId;
        this.delegate = delegate;
    }

    /** @return the id of the plugin that provides this tagger */
    public String pluginId() {
        return pluginId;
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public List<Contribution> tag(Request request, String lang) {
        return delegate.tag(request, lang);
    }
}
