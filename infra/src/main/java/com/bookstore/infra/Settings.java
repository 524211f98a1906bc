package com.bookstore.infra;

import java.util.Arrays;
import java.util.List;
import software.constructs.Node;

/**
 * What a deployment chooses, from CDK context ({@code cdk.json}, or {@code -c name=value} on the command line).
 * Every value has a default so {@code cdk synth} works with no arguments; {@code domainName} is the one a real
 * deployment always sets.
 */
public record Settings(
        String region,
        String domainName,
        String mailDomain,
        String hostedZoneId,
        String hostedZoneName,
        List<String> availabilityZones,
        String instanceType,
        int minInstances,
        int maxInstances,
        String dbInstanceClass,
        String dbEngineVersion,
        int dbStorageGiB,
        int dbIops,
        int natGateways,
        boolean interfaceEndpoints,
        String adminEmail,
        String alarmEmail) {

    public static Settings from(Node node) {
        String region = text(node, "region", envOr("CDK_DEFAULT_REGION", "eu-central-1"));
        return new Settings(
                region,
                text(node, "domainName", "shop.example.com"),
                // The domain mail is sent from (verified in SES); the shop's own domain unless told otherwise.
                text(node, "mailDomain", text(node, "domainName", "shop.example.com")),
                text(node, "hostedZoneId", ""),
                text(node, "hostedZoneName", ""),
                Arrays.stream(text(node, "availabilityZones", region + "a," + region + "b," + region + "c")
                                .split(","))
                        .map(String::trim)
                        .toList(),
                text(node, "instanceType", "t3.medium"),
                number(node, "minInstances", 2),
                number(node, "maxInstances", 6),
                text(node, "dbInstanceClass", "db.m6gd.large"),
                text(node, "dbEngineVersion", "8.4.7"),
                number(node, "dbStorageGiB", 100),
                number(node, "dbIops", 3000),
                number(node, "natGateways", 3),
                Boolean.parseBoolean(text(node, "interfaceEndpoints", "false")),
                text(node, "adminEmail", "admin@example.com"),
                text(node, "alarmEmail", ""));
    }

    public Settings {
        if (availabilityZones.size() != 3) {
            throw new IllegalArgumentException(
                    "availabilityZones must name three zones (a Multi-AZ DB cluster spans three): "
                            + availabilityZones);
        }
        // A Multi-AZ DB cluster needs provisioned IOPS between 0.5 and 50 per GiB of its storage (gp3: 3000 is the
        // baseline below 400 GiB).
        if (dbIops * 2 < dbStorageGiB || dbIops > dbStorageGiB * 50) {
            throw new IllegalArgumentException("dbIops must be between 0.5 and 50 times dbStorageGiB (" + dbStorageGiB
                    + " GiB → " + (dbStorageGiB + 1) / 2 + ".." + dbStorageGiB * 50 + "), got " + dbIops);
        }
        if (natGateways < 1 || natGateways > 3) {
            throw new IllegalArgumentException("natGateways must be 1 to 3 (3: one per zone, so a zone outage does "
                    + "not cut the others' instances off), got " + natGateways);
        }
        if (minInstances < 2 || maxInstances < minInstances) {
            throw new IllegalArgumentException(
                    "need 2 <= minInstances <= maxInstances, got " + minInstances + ".." + maxInstances);
        }
    }

    public boolean hasHostedZone() {
        return !hostedZoneId.isBlank() && !hostedZoneName.isBlank();
    }

    private static String text(Node node, String key, String fallback) {
        Object value = node.tryGetContext(key);
        return value == null || value.toString().isBlank() ? fallback : value.toString();
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int number(Node node, String key, int fallback) {
        Object value = node.tryGetContext(key);
        return value == null ? fallback : Integer.parseInt(value.toString().trim());
    }
}
