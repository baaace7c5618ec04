package io.branchkey.example;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Tells scripts and tests the port when started with {@code --server.port=0 --branchkey.port-file=...}. */
@Component
public class PortFileWriter implements ApplicationListener<WebServerInitializedEvent> {

    private final BranchkeyProperties properties;

    public PortFileWriter(BranchkeyProperties properties) {
        this.properties = properties;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        int port = event.getWebServer().getPort();
        System.out.println("Branchkey example resource server listening on port " + port);
        if (properties.portFile() != null && !properties.portFile().isBlank()) {
            try {
                Path file = Path.of(properties.portFile());
                Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
                Files.writeString(temporary, Integer.toString(port));
                Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the port file", e);
            }
        }
    }
}
