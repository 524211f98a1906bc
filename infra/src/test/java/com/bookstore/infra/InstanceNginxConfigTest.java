package com.bookstore.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nginx.conf an AWS instance renders at boot (instance/nginx-config.sh, from the bundle exactly as deployed)
 * is one nginx accepts, and it trusts X-Forwarded-For from the VPC only.
 */
class InstanceNginxConfigTest {

    @Test
    void theInstanceConfigurationPassesNginxsOwnCheck(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("nginx.conf");
        ProcessBuilder render = new ProcessBuilder(
                        "bash",
                        "target/bundle/instance/nginx-config.sh",
                        dir.resolve("run").toString(),
                        dir.resolve("tls").toString(),
                        "10.40.0.0/16",
                        "shop.example.com")
                .redirectOutput(conf.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        render.environment().put("NGINX_LOG_DIR", dir.toString());
        assertThat(render.start().waitFor()).isZero();

        assertThat(Files.readString(conf))
                .contains("set_real_ip_from 10.40.0.0/16;", "real_ip_header X-Forwarded-For;")
                .contains("listen 0.0.0.0:443 ssl", "server 127.0.0.1:9001", "server 127.0.0.1:9003")
                .doesNotContain("${");
        assertThat(dir.resolve("run/errors/unavailable.html")).exists();

        Process check = new ProcessBuilder("nginx", "-t", "-p", dir.toString(), "-c", conf.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as(output).isZero();
        assertThat(output).contains("syntax is ok", "test is successful");
    }
}
