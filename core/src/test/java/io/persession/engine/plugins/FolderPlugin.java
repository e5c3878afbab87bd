package io.persession.engine.plugins;

/** A test-only plugin type for plugin-folder (jar) loading. */
public interface FolderPlugin {
    String id();

    /** The thread's context class loader while the provider was constructed. */
    default ClassLoader contextLoaderAtCreation() {
        return null;
    }
}
