package org.yuxun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives every test run its own data directory, so the embedded PostgreSQL starts empty and the demo data is
 * loaded fresh; runs never see each other's records.
 */
public class FreshTestDatabase implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("yuxun.data-dir") != null) {
            return;
        }
        try {
            Path base = Files.createDirectories(Path.of("target", "test-data"));
            Path dir = Files.createTempDirectory(base, "run-");
            System.setProperty("yuxun.data-dir", dir.toAbsolutePath().toString());
            System.setProperty("yuxun.db.embedded-port", "0");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
