package com.bookstore.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.rds.CfnDBCluster;
import software.amazon.awscdk.services.rds.CfnDBClusterParameterGroup;
import software.amazon.awscdk.services.rds.CfnDBSubnetGroup;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * RDS for MySQL 8.4 as a Multi-AZ DB cluster: one writer and two readable standbys in three zones, a writer
 * endpoint and a reader endpoint. {@code CfnDBCluster} because the L2 {@code DatabaseCluster} is Aurora-only.
 * The master password is managed by RDS in Secrets Manager; each service gets its own accounts (read-write on
 * the writer, SELECT-only on the readers), whose secrets are made here and whose users the instances' migration
 * step ({@code instance/db-accounts.sh}) creates.
 */
final class Database extends Construct {

    static final int PORT = 3306;
    static final List<String> SERVICES = List.of("auth", "catalog", "purchase");

    final CfnDBCluster cluster;
    final SecurityGroup securityGroup;
    /** Per service: "writer" and "reader" secrets with username, password and JDBC url. */
    final Map<String, Map<String, Secret>> serviceSecrets = new LinkedHashMap<>();

    Database(Construct scope, String id, Settings settings, Vpc vpc) {
        super(scope, id);

        securityGroup = SecurityGroup.Builder.create(this, "SecurityGroup")
                .vpc(vpc)
                .description("Bookstore database: MySQL from the application instances only")
                .allowAllOutbound(false)
                .build();

        CfnDBSubnetGroup subnets = CfnDBSubnetGroup.Builder.create(this, "Subnets")
                .dbSubnetGroupDescription("Bookstore database: isolated subnets in three zones")
                .subnetIds(vpc
                        .selectSubnets(SubnetSelection.builder()
                                .subnetType(SubnetType.PRIVATE_ISOLATED)
                                .build())
                        .getSubnets()
                        .stream()
                        .map(ISubnet::getSubnetId)
                        .toList())
                .build();

        // RDS names the GTID switch "gtid-mode" (gtid_mode in MySQL). GTIDs are what the services' read-your-writes
        // waits on (WAIT_FOR_EXECUTED_GTID_SET on the reader).
        CfnDBClusterParameterGroup parameters = CfnDBClusterParameterGroup.Builder.create(this, "Parameters")
                .family("mysql8.4")
                .description("Bookstore: GTIDs on, TLS required, UTC")
                .parameters(Map.of(
                        "gtid-mode", "ON",
                        "enforce_gtid_consistency", "ON",
                        "require_secure_transport", "1",
                        "time_zone", "UTC",
                        "character_set_server", "utf8mb4",
                        "collation_server", "utf8mb4_unicode_ci"))
                .build();

        Key storageKey = Key.Builder.create(this, "StorageKey")
                .description("Bookstore database storage")
                .enableKeyRotation(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();

        Role monitoring = Role.Builder.create(this, "MonitoringRole")
                .assumedBy(new ServicePrincipal("monitoring.rds.amazonaws.com"))
                .managedPolicies(
                        List.of(ManagedPolicy.fromAwsManagedPolicyName("service-role/AmazonRDSEnhancedMonitoringRole")))
                .build();

        cluster = CfnDBCluster.Builder.create(this, "Cluster")
                .engine("mysql")
                .engineVersion(settings.dbEngineVersion())
                .dbClusterInstanceClass(settings.dbInstanceClass())
                .storageType("gp3")
                .allocatedStorage(settings.dbStorageGiB())
                .iops(settings.dbIops())
                .port(PORT)
                .dbSubnetGroupName(subnets.getRef())
                .dbClusterParameterGroupName(parameters.getRef())
                .vpcSecurityGroupIds(List.of(securityGroup.getSecurityGroupId()))
                .publiclyAccessible(false)
                .masterUsername("bookstore_admin")
                .manageMasterUserPassword(true)
                .storageEncrypted(true)
                .kmsKeyId(storageKey.getKeyArn())
                .backupRetentionPeriod(7)
                .preferredBackupWindow("02:00-03:00")
                .preferredMaintenanceWindow("sun:03:30-sun:04:30")
                .copyTagsToSnapshot(true)
                .deletionProtection(true)
                .autoMinorVersionUpgrade(true)
                .monitoringInterval(60)
                .monitoringRoleArn(monitoring.getRoleArn())
                .performanceInsightsEnabled(true)
                .performanceInsightsKmsKeyId(storageKey.getKeyArn())
                .performanceInsightsRetentionPeriod(7)
                .enableCloudwatchLogsExports(List.of("error", "slowquery"))
                .build();
        cluster.applyRemovalPolicy(RemovalPolicy.SNAPSHOT);

        String stack = Stack.of(this).getStackName();
        for (String service : SERVICES) {
            Map<String, Secret> secrets = new LinkedHashMap<>();
            secrets.put("writer", account(stack, service, "writer", service + "_rw", cluster.getAttrEndpointAddress()));
            secrets.put(
                    "reader", account(stack, service, "reader", service + "_ro", cluster.getAttrReadEndpointAddress()));
            serviceSecrets.put(service, secrets);
        }
    }

    /** Lets these instances reach MySQL; nothing else can. */
    void allowFrom(ISecurityGroup instances, String description) {
        securityGroup.addIngressRule(instances, Port.tcp(PORT), description);
    }

    String masterSecretArn() {
        return cluster.getAttrMasterUserSecretSecretArn();
    }

    private Secret account(String stack, String service, String role, String username, String host) {
        String id = Character.toUpperCase(service.charAt(0))
                + service.substring(1)
                + Character.toUpperCase(role.charAt(0))
                + role.substring(1);
        String url = "jdbc:mysql://" + host + ":" + PORT + "/" + service + "?sslMode=REQUIRED";
        return Secret.Builder.create(this, id)
                .secretName(stack + "/" + service + "/" + role)
                .description("Bookstore " + service + " service, " + role + " account (" + username + ")")
                .generateSecretString(SecretStringGenerator.builder()
                        .secretStringTemplate(Stack.of(this)
                                // sorted: Map.of's order changes from one JVM to the next
                                .toJsonString(new TreeMap<>(Map.of("username", username, "url", url))))
                        .generateStringKey("password")
                        .passwordLength(40)
                        .excludePunctuation(true)
                        .build())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
    }
}
