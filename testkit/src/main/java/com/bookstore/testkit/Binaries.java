package com.bookstore.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the database server programs: MariaDB from Debian's {@code mariadb-server} package on this machine, MySQL
 * from Debian's {@code mysql-server-core} installed in a Debian sid folder of its own ({@code ./bookstore mysql}
 * makes it; {@code BOOKSTORE_SID_ROOT} names another) and started with that folder's own loader and libraries,
 * so it runs on any glibc system without touching the system's packages.
 */
final class Binaries {

    private Binaries() {}

    static Path mariadbd() {
        return find("mariadbd");
    }

    static Path installDb() {
        return find("mariadb-install-db");
    }

    /** The folder holding Debian's MySQL build (a sid root file system with mysql-server-core). */
    static Path mysqlRoot() {
        String configured = System.getenv("BOOKSTORE_SID_ROOT");
        Path root = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "bookstore", "sid");
        if (!Files.isExecutable(root.resolve("usr/sbin/mysqld"))) {
            throw new IllegalStateException("MySQL was not found in " + root + ". Run ./bookstore mysql to install "
                    + "Debian's mysql-server-core there (or set BOOKSTORE_SID_ROOT to such a folder)");
        }
        return root;
    }

    /** The command that runs one of MySQL's programs with the libraries of its own folder. */
    static List<String> mysqlLauncher(String program) {
        Path root = mysqlRoot();
        Path bin = Files.isExecutable(root.resolve("usr/sbin").resolve(program))
                ? root.resolve("usr/sbin").resolve(program)
                : root.resolve("usr/bin").resolve(program);
        return List.of(
                root.resolve("lib64/ld-linux-x86-64.so.2").toString(),
                "--library-path",
                root.resolve("lib/x86_64-linux-gnu") + ":" + root.resolve("usr/lib/x86_64-linux-gnu"),
                bin.toString());
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
