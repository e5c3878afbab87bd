package io.persession.engine.plugins;

/** A provider whose superclass ({@link MissingBase}) is missing from its loader. */
public class FolderBrokenPlugin extends MissingBase implements FolderPlugin {
    @Override
    public String id() {
        return "broken";
    }
}
