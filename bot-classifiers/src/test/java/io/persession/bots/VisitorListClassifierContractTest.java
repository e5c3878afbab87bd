package io.persession.bots;

import io.persession.spi.BotClassifierProvider;
import io.persession.testkit.BotClassifierContract;
import org.junit.jupiter.api.DisplayName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

@DisplayName("contract: visitor-list")
class VisitorListClassifierContractTest extends BotClassifierContract {
    private static final Path LIST;

    static {
        try {
            LIST = Files.createTempFile("persession-bot-visitors", ".txt");
            LIST.toFile().deleteOnExit();
            Files.writeString(LIST, "# crawlers we know\nvisitor-burst\n\nvisitor-3\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected BotClassifierProvider provider() {
        return new VisitorListClassifierProvider();
    }

    @Override
    protected Map<String, String> options() {
        return Map.of("file", LIST.toString());
    }

    @Override
    protected List<Map<String, String>> invalidOptions() {
        return List.of(Map.of("files", LIST.toString()));
    }
}
