package com.bookstore.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds the MariaDB server programs of Debian's {@code mariadb-server} package, or says which package is missing. */
final class Binaries {

    private Binaries() {}

    static Path mariadbd() {
        return find("mariadbd");
    }

    static Path installDb() {
        return find("mariadb-install-db");
    }

    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Path find(String program) {
        List<String> folders =
                new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        folders.addAll(List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"));
        for (String folder : folders) {
            if (folder.isBlank()) {
                continue;
            }
            Path candidate = Path.of(folder, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                program + " was not found. Install Debian's mariadb-server package: "
                        + "sudo apt-get install -y mariadb-server (./bookstore up and ./bookstore test do this when run as root)");
    }
}
