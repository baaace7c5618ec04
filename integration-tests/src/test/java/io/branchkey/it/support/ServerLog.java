package io.branchkey.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;

/** The server's log file (see {@link BranchkeyServerConfig#SERVER_LOG}); absent when another backend runs the server. */
public final class ServerLog {

    private ServerLog() {
    }

    public static Optional<String> read() {
        if (!Files.isRegularFile(BranchkeyServerConfig.SERVER_LOG)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(Files.readAllBytes(BranchkeyServerConfig.SERVER_LOG), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
