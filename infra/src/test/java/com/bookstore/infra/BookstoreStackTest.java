package com.bookstore.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;

/**
 * The synthesized CloudFormation template, asserted the way a reviewer would read it; synthesized offline, with
 * no AWS credentials, exactly as {@code npx cdk synth} does.
 */
class BookstoreStackTest {

    static final Path BUNDLE = Path.of("target", "bundle");
    static final ObjectMapper JSON = new ObjectMapper();

    static App app;
    static BookstoreStack stack;
    static Template template;
    static String json;

    @BeforeAll
    static void synthesize() throws Exception {
        app = new App(AppProps.builder().outdir(TestAssemblies.newFolder()).build());
        stack = BookstoreApp.build(app, BUNDLE);
        template = Template.fromStack(stack);
        json = JSON.writeValueAsString(template.toJSON());
    }

    @Test
    void theVpcSpansThreeNamedZonesWithPublicPrivateAndIsolatedSubnets() {
        template.resourceCountIs("AWS::EC2::Subnet", 9);
        List<Object> zones = new ArrayList<>();
        template.findResources("AWS::EC2::Subnet")
                .values()
                .forEach(subnet -> zones.add(properties(subnet).get("AvailabilityZone")));
        assertThat(zones.stream().distinct().toList())
                .containsExactlyInAnyOrder("eu-central-1a", "eu-central-1b", "eu-central-1c");
        template.hasResourceProperties(
                "AWS::EC2::FlowLog", Map.of("TrafficType", "ALL", "LogDestinationType", "cloud-watch-logs"));
    }

    @Test
    void theDatabaseIsAMultiAzMySqlClusterEncryptedProtectedAndPrivate() {
        template.resourceCountIs("AWS::RDS::DBCluster", 1);
        template.resourceCountIs("AWS::RDS::DBInstance", 0); // the cluster brings its own writer and two readers
        template.hasResourceProperties(
                "AWS::RDS::DBCluster",
                Map.ofEntries(
                        Map.entry("Engine", "mysql"),
                        Map.entry("EngineVersion", Match.stringLikeRegexp("^8\\.4.*")),
                        Map.entry("DBClusterInstanceClass", "db.m6gd.large"),
                        Map.entry("StorageEncrypted", true),
                        Map.entry("DeletionProtection", true),
                        Map.entry("ManageMasterUserPassword", true),
                        Map.entry("PubliclyAccessible", false),
                        Map.entry("BackupRetentionPeriod", 7)));
        template.hasResource("AWS::RDS::DBCluster", Map.of("DeletionPolicy", "Snapshot"));
        template.hasResourceProperties(
                "AWS::RDS::DBClusterParameterGroup",
                Map.of(
                        "Family",
                        "mysql8.4",
                        "Parameters",
                        Match.objectLike(Map.of("gtid-mode", "ON", "enforce_gtid_consistency", "ON"))));
        // The subnet group holds the three isolated subnets only.
        Map<String, Object> group = properties(single("AWS::RDS::DBSubnetGroup"));
        assertThat((List<?>) group.get("SubnetIds")).hasSize(3);
        assertThat(group.get("SubnetIds").toString()).contains("dataSubnet").doesNotContain("publicSubnet");
    }

    @Test
    void theInstancesGetTheWriterAndReaderEndpointsAndTheirSecrets() {
        String userData = JSON.valueToTree(properties(appLaunchTemplate()))
                .path("LaunchTemplateData")
                .path("UserData")
                .toString();
        assertThat(userData)
                .contains("DB_WRITER_HOST=", "Endpoint.Address")
                .contains("DB_READER_HOST=", "ReadEndpoint.Address")
                .contains("CATALOG_READER_SECRET_ARN=", "CATALOG_WRITER_SECRET_ARN=")
                .doesNotContain("DB_MASTER_SECRET_ARN", "MasterUserSecret", "db-accounts.sh")
                .contains("java-21-amazon-corretto-headless", "nginx", "instance/setup.sh");
        // Each service's reader secret carries the reader endpoint in its JDBC url, the writer's the writer endpoint.
        for (String service : Database.SERVICES) {
            assertThat(secretTemplate(service + "/reader")).contains("ReadEndpoint.Address", service + "_ro");
            assertThat(secretTemplate(service + "/writer"))
                    .contains("\"Endpoint.Address", service + "_rw")
                    .doesNotContain("ReadEndpoint");
        }
    }

    static String secretTemplate(String nameSuffix) {
        return template.findResources("AWS::SecretsManager::Secret").values().stream()
                .map(BookstoreStackTest::properties)
                .filter(secret -> secret.get("Name").toString().endsWith("/" + nameSuffix))
                .map(secret -> JSON.valueToTree(secret.get("GenerateSecretString"))
                        .path("SecretStringTemplate")
                        .toString())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no secret named *" + nameSuffix));
    }

    @Test
    void instancesRequireImdsV2AndEncryptedVolumesAndAreReachedThroughSsmNotSsh() {
        template.hasResourceProperties(
                "AWS::EC2::LaunchTemplate",
                Map.of(
                        "LaunchTemplateData",
                        Match.objectLike(Map.of(
                                "MetadataOptions",
                                Match.objectLike(Map.of("HttpTokens", "required")),
                                "BlockDeviceMappings",
                                List.of(Match.objectLike(Map.of(
                                        "Ebs", Match.objectLike(Map.of("Encrypted", true, "VolumeType", "gp3")))))))));
        assertThat(json).contains("AmazonSSMManagedInstanceCore").doesNotContain("KeyName");
    }

    @Test
    void theGroupHasAtLeastTwoInstancesCheckedByTheLoadBalancerAndReplacedOneByOne() {
        template.hasResourceProperties(
                "AWS::AutoScaling::AutoScalingGroup",
                Map.of("MinSize", "2", "MaxSize", "6", "HealthCheckType", "ELB", "HealthCheckGracePeriod", 600));
        template.hasResource(
                "AWS::AutoScaling::AutoScalingGroup",
                Map.of(
                        "UpdatePolicy",
                        Map.of(
                                "AutoScalingRollingUpdate",
                                Match.objectLike(Map.of("MinInstancesInService", 2, "MaxBatchSize", 1)))));
    }

    @Test
    void theGroupScalesOutWhenCpuIsAtLeastFiftyPercentForThreeHundredSeconds() {
        template.hasResourceProperties(
                "AWS::AutoScaling::ScalingPolicy",
                Map.of("PolicyType", "StepScaling", "AdjustmentType", "ChangeInCapacity"));
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Map.of(
                        "MetricName",
                        "CPUUtilization",
                        "Namespace",
                        "AWS/EC2",
                        "Threshold",
                        50,
                        "ComparisonOperator",
                        "GreaterThanOrEqualToThreshold",
                        "Period",
                        60,
                        "EvaluationPeriods",
                        5,
                        "DatapointsToAlarm",
                        5,
                        "AlarmActions",
                        List.of(Map.of("Ref", Match.stringLikeRegexp(".*CpuStepScalingUpperPolicy.*")))));
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Map.of(
                        "MetricName",
                        "CPUUtilization",
                        "Threshold",
                        25,
                        "ComparisonOperator",
                        "LessThanOrEqualToThreshold",
                        "AlarmActions",
                        List.of(Map.of("Ref", Match.stringLikeRegexp(".*CpuStepScalingLowerPolicy.*")))));
    }

    @Test
    void theLoadBalancerServesHttpsWithTheCertificateAndRedirectsHttp() {
        template.hasResourceProperties(
                "AWS::CertificateManager::Certificate",
                Map.of("DomainName", "shop.example.com", "ValidationMethod", "DNS"));
        template.hasResourceProperties(
                "AWS::ElasticLoadBalancingV2::Listener",
                Map.of(
                        "Port",
                        443,
                        "Protocol",
                        "HTTPS",
                        "SslPolicy",
                        Match.stringLikeRegexp("ELBSecurityPolicy-TLS13-.*"),
                        "Certificates",
                        List.of(Map.of("CertificateArn", Match.anyValue()))));
        template.hasResourceProperties(
                "AWS::ElasticLoadBalancingV2::Listener",
                Map.of(
                        "Port",
                        80,
                        "Protocol",
                        "HTTP",
                        "DefaultActions",
                        List.of(Match.objectLike(Map.of(
                                "Type",
                                "redirect",
                                "RedirectConfig",
                                Match.objectLike(Map.of("Protocol", "HTTPS", "Port", "443")))))));
        template.hasResourceProperties(
                "AWS::ElasticLoadBalancingV2::TargetGroup",
                Map.of("Port", 443, "Protocol", "HTTPS", "HealthCheckPath", AppTier.HEALTH_PATH));
        template.hasResourceProperties(
                "AWS::ElasticLoadBalancingV2::LoadBalancer",
                Map.of(
                        "Scheme",
                        "internet-facing",
                        "LoadBalancerAttributes",
                        Match.arrayWith(List.of(Map.of("Key", "access_logs.s3.enabled", "Value", "true")))));
    }

    @Test
    void securityGroupsLetOnlyTheLoadBalancerReachTheInstancesAndOnlyTheInstancesReachTheDatabase() {
        String alb = logicalId("AWS::EC2::SecurityGroup", "Bookstore load balancer");
        String instances = logicalId("AWS::EC2::SecurityGroup", "Bookstore instances");
        String database = logicalId("AWS::EC2::SecurityGroup", "Bookstore database");
        String setup = logicalId("AWS::EC2::SecurityGroup", "Bookstore database set-up");

        List<Map<String, Object>> ingress = new ArrayList<>();
        template.findResources("AWS::EC2::SecurityGroupIngress")
                .values()
                .forEach(rule -> ingress.add(properties(rule)));
        template.findResources("AWS::EC2::SecurityGroup").forEach((id, group) -> {
            Object inline = properties(group).get("SecurityGroupIngress");
            if (inline instanceof List<?> rules) {
                rules.forEach(rule -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> copy = new HashMap<>((Map<String, Object>) rule);
                    copy.put("GroupId", Map.of("Fn::GetAtt", List.of(id, "GroupId")));
                    ingress.add(copy);
                });
            }
        });

        assertThat(ingress).allSatisfy(rule -> {
            String target = rule.get("GroupId").toString();
            if (target.contains(instances)) {
                assertThat(rule.get("SourceSecurityGroupId").toString()).contains(alb);
                assertThat(rule.get("FromPort")).isEqualTo(443);
                assertThat(rule.get("ToPort")).isEqualTo(443);
            } else if (target.contains(database) && !target.contains(setup)) {
                assertThat(rule.get("SourceSecurityGroupId").toString()).containsAnyOf(instances, setup);
                assertThat(rule.get("FromPort")).isEqualTo(Database.PORT);
                assertThat(rule.get("ToPort")).isEqualTo(Database.PORT);
            } else {
                assertThat(target).contains(alb);
                assertThat(rule.get("FromPort")).isIn(80, 443);
            }
        });
        assertThat(ingress)
                .anySatisfy(rule -> assertThat(rule.get("GroupId").toString()).contains(database))
                .anySatisfy(rule -> assertThat(rule.get("GroupId").toString()).contains(instances));
    }

    @Test
    void operatorsAreAlarmedOnErrorsLatencyCpuAndReplicaLagAndHaveADashboard() {
        for (String metric : List.of(
                "HTTPCode_ELB_5XX_Count", "HTTPCode_Target_5XX_Count", "TargetResponseTime", "UnHealthyHostCount")) {
            template.hasResourceProperties(
                    "AWS::CloudWatch::Alarm",
                    Map.of("MetricName", metric, "AlarmActions", List.of(Map.of("Ref", Match.anyValue()))));
        }
        template.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
        template.hasResourceProperties("AWS::SNS::Topic", Map.of("KmsMasterKeyId", Match.anyValue()));
    }

    @Test
    void databaseAlarmsWatchTheClusterMembersWhateverTheirNamesAndReplicationThatStopped() {
        // A Multi-AZ DB cluster publishes per member instance; a DBClusterIdentifier dimension would never fire.
        assertThat(template.findResources("AWS::CloudWatch::Alarm").toString()).doesNotContain("DBClusterIdentifier");
        for (var alarm : List.of(
                List.of("MAX(ReplicaLag)", "GreaterThanOrEqualToThreshold", 30),
                List.of("MIN(ReplicaLag)", "LessThanThreshold", 0),
                List.of("MAX(CPUUtilization)", "GreaterThanOrEqualToThreshold", 80))) {
            template.hasResourceProperties(
                    "AWS::CloudWatch::Alarm",
                    Map.of(
                            "ComparisonOperator",
                            alarm.get(1),
                            "Threshold",
                            alarm.get(2),
                            "Metrics",
                            Match.arrayWith(List.of(Match.objectLike(Map.of(
                                    "Expression",
                                    "SELECT " + alarm.get(0) + " FROM SCHEMA(\"AWS/RDS\", DBInstanceIdentifier)"))))));
        }
    }

    @Test
    void withAHostedZoneTheDomainIsAnAliasOfTheLoadBalancerAndTheCertificateValidatesThroughIt() throws Exception {
        App zoned = new App(AppProps.builder()
                .outdir(TestAssemblies.newFolder())
                .context(Map.of(
                        "domainName", "books.example.org",
                        "hostedZoneId", "Z0123456789ABC",
                        "hostedZoneName", "example.org"))
                .build());
        Template withZone = Template.fromStack(BookstoreApp.build(zoned, BUNDLE));
        withZone.hasResourceProperties(
                "AWS::Route53::RecordSet",
                Map.of(
                        "Name", "books.example.org.",
                        "Type", "A",
                        "HostedZoneId", "Z0123456789ABC",
                        "AliasTarget", Match.objectLike(Map.of("DNSName", Match.anyValue()))));
        withZone.hasResourceProperties(
                "AWS::CertificateManager::Certificate",
                Map.of(
                        "DomainName",
                        "books.example.org",
                        "DomainValidationOptions",
                        List.of(Map.of("DomainName", "books.example.org", "HostedZoneId", "Z0123456789ABC"))));
        // The sending domain's three DKIM records go into the zone too (without one they are outputs to add).
        assertThat(withZone.findResources("AWS::Route53::RecordSet", Map.of("Properties", Map.of("Type", "CNAME")))
                        .keySet())
                .hasSize(3)
                .allSatisfy(record -> assertThat(record).startsWith("MailDkim"));
        template.resourceCountIs("AWS::Route53::RecordSet", 0);
        assertThat(template.findOutputs("*").keySet())
                .filteredOn(output -> output.startsWith("MailDkimRecord"))
                .hasSize(3);
    }

    @Test
    void mailGoesThroughSesFromTheVerifiedDomainWithBouncesAndComplaintsToATopicOfTheirOwn() {
        template.hasResourceProperties(
                "AWS::SES::EmailIdentity",
                Match.objectLike(
                        Map.of("EmailIdentity", "shop.example.com", "ConfigurationSetAttributes", Match.anyValue())));
        template.hasResourceProperties(
                "AWS::SES::ConfigurationSet",
                Match.objectLike(Map.of(
                        "DeliveryOptions", Map.of("TlsPolicy", "REQUIRE"),
                        "SuppressionOptions", Map.of("SuppressedReasons", List.of("BOUNCE", "COMPLAINT")))));
        template.hasResourceProperties(
                "AWS::SES::ConfigurationSetEventDestination",
                Match.objectLike(Map.of(
                        "EventDestination",
                        Match.objectLike(Map.of(
                                "MatchingEventTypes",
                                Match.arrayWith(List.of("bounce", "complaint")),
                                "SnsDestination",
                                Map.of(
                                        "TopicARN",
                                        Map.of("Ref", logicalIdStartingWith("MailFeedback", "AWS::SNS::Topic"))))))));
        // The instances send as the shop only: raw mail from an address of the sending domain.
        assertThat(json)
                .contains(
                        "\"Action\":\"ses:SendRawEmail\",\"Condition\":{\"StringLike\":{\"ses:FromAddress\":\"*@shop.example.com\"}}")
                .contains("MAIL_DOMAIN=shop.example.com\\nMAIL_CONFIGURATION_SET=");
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of("Namespace", "AWS/SES", "MetricName", "Reputation.BounceRate")));
    }

    private static String logicalIdStartingWith(String prefix, String type) {
        return template.findResources(type).keySet().stream()
                .filter(id -> id.startsWith(prefix))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void cdkNagFindsNoUnsuppressedErrorsAndEverySuppressionSaysWhy() {
        assertThat(Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*")).stream()
                        .map(message ->
                                message.getId() + ": " + message.getEntry().getData()))
                .isEmpty();
        assertThat(json).contains("cdk_nag");
        JSON.valueToTree(template.toJSON())
                .path("Resources")
                .forEach(resource -> resource.path("Metadata")
                        .path("cdk_nag")
                        .path("rules_to_suppress")
                        .forEach(
                                rule -> assertThat(rule.path("reason").asText()).hasSizeGreaterThan(40)));
    }

    @Test
    void cfnLintFindsNoErrorInTheTemplate() throws Exception {
        Path file = Files.createTempFile("Bookstore", ".template.json");
        Files.writeString(file, json);
        Process lint;
        try {
            lint = new ProcessBuilder("cfn-lint", "--format", "parseable", file.toString())
                    .redirectErrorStream(true)
                    .start();
        } catch (java.io.IOException e) {
            // cfn-lint is a Python tool from PyPI, which not every machine reaches; CI's image has it.
            org.junit.jupiter.api.Assumptions.assumeFalse(
                    "true".equals(System.getenv("CI")), "cfn-lint must be on the PATH in CI: " + e.getMessage());
            org.junit.jupiter.api.Assumptions.abort("cfn-lint is not installed here: " + e.getMessage());
            return;
        }
        String output = new String(lint.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        lint.waitFor();
        List<String> errors = output.lines()
                .filter(line -> line.matches(".*:[0-9]+:[0-9]+:[0-9]+:[0-9]+:E[0-9]+:.*"))
                .toList();
        assertThat(errors).as(output).isEmpty();
        // Warnings allowed, and only these: the three zones are named on purpose (a Multi-AZ DB cluster spans
        // exactly three; an environment-agnostic stack would otherwise get two).
        assertThat(output.lines().filter(line -> line.matches(".*:W[0-9]+:.*")))
                .allMatch(line -> line.contains(":W3010:"));
    }

    @Test
    void theClusterHasItsStorageTypeSizeAndIops() {
        template.hasResourceProperties(
                "AWS::RDS::DBCluster", Map.of("StorageType", "gp3", "AllocatedStorage", 100, "Iops", 3000));
        App tooFewIops =
                new App(AppProps.builder().context(Map.of("dbIops", "40")).build());
        assertThatThrownBy(() -> Settings.from(tooFewIops.getNode())).hasMessageContaining("dbIops");
    }

    @Test
    void cloudFormationWaitsForEveryInstanceToSignalThatItServesTheSite() {
        Map<String, Object> group = single("AWS::AutoScaling::AutoScalingGroup");
        assertThat(JSON.valueToTree(group)
                        .path("CreationPolicy")
                        .path("ResourceSignal")
                        .path("Count")
                        .asText())
                .isEqualTo("2");
        assertThat(JSON.valueToTree(group)
                        .path("UpdatePolicy")
                        .path("AutoScalingRollingUpdate")
                        .path("WaitOnResourceSignals")
                        .asBoolean())
                .isTrue();
        assertThat(json)
                .contains("cfn-signal", "aws-cfn-bootstrap")
                .contains("install -d -o root -g bookstore -m 0750 /etc/bookstore");
        template.hasResourceProperties(
                "AWS::ElasticLoadBalancingV2::TargetGroup", Map.of("HealthCheckPath", "/instance-health"));
    }

    @Test
    void instancesReadTheirBundleObjectOnlyAndTakeTheImageAtLaunch() {
        List<String> s3Resources = new ArrayList<>();
        JSON.valueToTree(template.findResources("AWS::IAM::Policy"))
                .forEach(policy -> policy.path("Properties")
                        .path("PolicyDocument")
                        .path("Statement")
                        .forEach(statement -> {
                            if (statement.path("Action").toString().contains("s3:")) {
                                s3Resources.add(statement.path("Resource").toString());
                            }
                        }));
        assertThat(s3Resources)
                .isNotEmpty()
                .allSatisfy(resource ->
                        assertThat(resource).doesNotContain("\"/*\"").containsPattern("/[0-9a-f]{64}\\.zip"));
        assertThat(JSON.valueToTree(appLaunchTemplate())
                        .path("Properties")
                        .path("LaunchTemplateData")
                        .path("ImageId")
                        .asText())
                .startsWith("resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami");
    }

    @Test
    void theDatabaseIsSetUpOncePerDeployByAOneShotInstanceTheOnlyReaderOfTheMasterSecret() {
        Map<String, Map<String, Object>> instances = template.findResources("AWS::EC2::Instance");
        assertThat(instances).hasSize(1);
        Map.Entry<String, Map<String, Object>> setup =
                instances.entrySet().iterator().next();
        // A new logical id with every new bundle: CloudFormation runs the set-up again on each deploy.
        assertThat(setup.getKey()).matches("DatabaseSetupOncePer[0-9a-f]{64}");
        JsonNode instance = JSON.valueToTree(setup.getValue());
        assertThat(instance.path("Properties")
                        .path("InstanceInitiatedShutdownBehavior")
                        .asText())
                .isEqualTo("terminate");
        assertThat(instance.path("CreationPolicy")
                        .path("ResourceSignal")
                        .path("Count")
                        .asInt())
                .isEqualTo(1);
        String userData = instance.path("Properties").path("UserData").toString();
        assertThat(userData)
                .contains("DB_MASTER_SECRET_ARN=", "instance/db-accounts.sh", "cfn-signal", "shutdown -h now");
        // The Auto Scaling Group (and with it every application instance of the new bundle) waits for it.
        assertThat(JSON.valueToTree(single("AWS::AutoScaling::AutoScalingGroup"))
                        .path("DependsOn")
                        .toString())
                .contains(setup.getKey());

        // Of all the roles, only the set-up's may read the RDS-managed master secret.
        String setupRole = instance.path("Properties").toString();
        List<String> readersOfTheMasterSecret = new ArrayList<>();
        JSON.valueToTree(template.findResources("AWS::IAM::Policy")).forEach(policy -> {
            if (policy.path("Properties").path("PolicyDocument").toString().contains("MasterUserSecret.SecretArn")) {
                policy.path("Properties")
                        .path("Roles")
                        .forEach(role ->
                                readersOfTheMasterSecret.add(role.path("Ref").asText()));
            }
        });
        assertThat(readersOfTheMasterSecret)
                .hasSize(1)
                .allSatisfy(role -> assertThat(role).startsWith("DatabaseSetupRole"));
        assertThat(setupRole).contains("InstanceProfile");
    }

    @Test
    void s3IsReachedThroughAGatewayEndpointAndTheApiEndpointsAreAChoice() throws Exception {
        template.hasResourceProperties("AWS::EC2::VPCEndpoint", Match.objectLike(Map.of("VpcEndpointType", "Gateway")));
        assertThat(template.findResources("AWS::EC2::VPCEndpoint")).hasSize(1);
        App withEndpoints = new App(AppProps.builder()
                .outdir(TestAssemblies.newFolder())
                .context(Map.of("interfaceEndpoints", "true"))
                .build());
        BookstoreStack stackWithEndpoints = BookstoreApp.build(withEndpoints, BUNDLE);
        Template endpoints = Template.fromStack(stackWithEndpoints);
        assertThat(endpoints.findResources(
                        "AWS::EC2::VPCEndpoint", Map.of("Properties", Map.of("VpcEndpointType", "Interface"))))
                .hasSize(6);
        assertThat(
                        Annotations.fromStack(stackWithEndpoints)
                                .findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))
                                .stream()
                                .map(message -> message.getId() + ": "
                                        + message.getEntry().getData()))
                .isEmpty();
    }

    @Test
    void noKeyPolicyNamesARoleAnEmptyAccountLacks() {
        JSON.valueToTree(template.findResources("AWS::KMS::Key"))
                .forEach(key -> key.path("Properties")
                        .path("KeyPolicy")
                        .path("Statement")
                        .forEach(statement -> {
                            String principal = statement.path("Principal").toString();
                            assertThat(principal).doesNotContain("AWSServiceRoleForAutoScaling");
                        }));
    }

    @Test
    void synthWritesTheTemplateWithoutCredentialsOrNetwork() {
        CloudAssembly assembly = app.synth();
        Path written = Path.of(assembly.getDirectory(), "Bookstore.template.json");
        assertThat(written).exists();
        assertThat(System.getenv("AWS_ACCESS_KEY_ID"))
                .as("tests run without AWS credentials")
                .isNull();
    }

    @Test
    void settingsRefuseFewerThanThreeZonesOrFewerThanTwoInstances() {
        App twoZones = new App(AppProps.builder()
                .context(Map.of("availabilityZones", "eu-west-1a,eu-west-1b"))
                .build());
        assertThatThrownBy(() -> Settings.from(twoZones.getNode())).hasMessageContaining("three zones");
        App oneInstance =
                new App(AppProps.builder().context(Map.of("minInstances", "1")).build());
        assertThatThrownBy(() -> Settings.from(oneInstance.getNode())).hasMessageContaining("minInstances");
    }

    /** The application instances' launch template (the one-shot set-up instance has one of its own, for IMDSv2). */
    static Map<String, Object> appLaunchTemplate() {
        List<Map<String, Object>> withUserData = template.findResources("AWS::EC2::LaunchTemplate").values().stream()
                .filter(launchTemplate -> JSON.valueToTree(launchTemplate)
                        .path("Properties")
                        .path("LaunchTemplateData")
                        .has("UserData"))
                .toList();
        assertThat(withUserData).hasSize(1);
        return withUserData.getFirst();
    }

    static Map<String, Object> single(String type) {
        Map<String, Map<String, Object>> found = template.findResources(type);
        assertThat(found).hasSize(1);
        return found.values().iterator().next();
    }

    static String logicalId(String type, String descriptionPrefix) {
        return template.findResources(type).entrySet().stream()
                .filter(entry -> String.valueOf(properties(entry.getValue()).get("GroupDescription"))
                        .startsWith(descriptionPrefix))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> properties(Object resource) {
        return (Map<String, Object>) ((Map<String, Object>) resource).get("Properties");
    }
}
