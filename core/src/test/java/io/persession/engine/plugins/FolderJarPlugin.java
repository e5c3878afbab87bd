package io.persession.engine.plugins;

/** Copied (as bytes) into test jars where the test needs a class the jar defines itself. */
public class FolderJarPlugin implements FolderPlugin {
    private final ClassLoader contextLoader = Thread.currentThread().getContextClassLoader();

    @Override
    public String id() {
        return "from-jar";
    }

    @Override
    public ClassLoader contextLoaderAtCreation() {
        return contextLoader;
    }
}
