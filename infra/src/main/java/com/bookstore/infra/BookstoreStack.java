package com.bookstore.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.route53.ARecord;
import software.amazon.awscdk.services.route53.HostedZone;
import software.amazon.awscdk.services.route53.HostedZoneAttributes;
import software.amazon.awscdk.services.route53.IHostedZone;
import software.amazon.awscdk.services.route53.RecordTarget;
import software.amazon.awscdk.services.route53.targets.LoadBalancerTarget;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/** The whole Bookstore on AWS in one stack: network, database, application tier, DNS, alarms. */
public final class BookstoreStack extends Stack {

    private final Settings settings;

    public BookstoreStack(Construct scope, String id, StackProps props, Settings settings, Path bundle) {
        super(scope, id, props);
        this.settings = settings;

        Network network = new Network(this, "Network", settings);
        Database database = new Database(this, "Database", settings, network.vpc);

        // A key of our own: CloudWatch alarms and Auto Scaling cannot publish to a topic under aws/sns.
        Key topicKey = Key.Builder.create(this, "NotificationsKey")
                .description("Bookstore alarm and scaling notifications")
                .enableKeyRotation(true)
                .build();
        topicKey.addToResourcePolicy(PolicyStatement.Builder.create()
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
                .resources(List.of("*"))
                .build());
        // Auto Scaling publishes with its service-linked role, which an account that never had a group lacks until
        // this stack's group makes it: a key policy naming the role would fail there. Matched by condition instead
        // (evaluated at use, when the role exists), and only for callers of this account.
        topicKey.addToResourcePolicy(PolicyStatement.Builder.create()
                .principals(List.of(new AnyPrincipal()))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
                .resources(List.of("*"))
                .conditions(new TreeMap<>(Map.of( // sorted: Map.of's order changes from one JVM to the next
                        "ArnLike",
                        Map.of(
                                "aws:PrincipalArn",
                                "arn:" + getPartition() + ":iam::" + getAccount()
                                        + ":role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling"),
                        "StringEquals",
                        Map.of("kms:CallerAccount", getAccount()))))
                .build());
        Topic notifications = Topic.Builder.create(this, "Notifications")
                .displayName("Bookstore alarms and scaling")
                .enforceSsl(true)
                .masterKey(topicKey)
                .build();
        if (!settings.alarmEmail().isBlank()) {
            notifications.addSubscription(new EmailSubscription(settings.alarmEmail()));
        }

        IHostedZone zone = settings.hasHostedZone()
                ? HostedZone.fromHostedZoneAttributes(
                        this,
                        "Zone",
                        HostedZoneAttributes.builder()
                                .hostedZoneId(settings.hostedZoneId())
                                .zoneName(settings.hostedZoneName())
                                .build())
                : null;

        // SES publishes bounces and complaints to a topic under the same key.
        topicKey.addToResourcePolicy(PolicyStatement.Builder.create()
                .principals(List.of(new ServicePrincipal("ses.amazonaws.com")))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
                .resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", getAccount())))
                .build());
        Mail mail = new Mail(this, "Mail", settings, zone, topicKey, notifications);

        AppTier.Secrets secrets = new AppTier.Secrets(
                generated("InternalToken", "internal-token", "Token of service-to-service calls (/internal/)", null),
                generated("SigningSeed", "jwt-signing-seed", "Seed of the ES256 key that signs access tokens", null),
                generated(
                        "InitialAdmin",
                        "initial-admin",
                        "The first staff account, created when there is no administrator yet",
                        Map.of("email", settings.adminEmail(), "displayName", "Store admin")));
        AppTier app =
                new AppTier(this, "App", settings, network.vpc, database, secrets, bundle, zone, notifications, mail);
        database.allowFrom(app.instanceSecurityGroup, "MySQL from the application instances");
        // Schemas and accounts are in place (once per deploy) before any instance of a new bundle starts.
        DatabaseSetup setup = new DatabaseSetup(this, "DatabaseSetup", network.vpc, database, app.bundleAsset);
        app.instances.getNode().addDependency(setup.instance);
        new Monitoring(this, "Monitoring", app, notifications);

        if (zone != null) {
            ARecord.Builder.create(this, "Alias")
                    .zone(zone)
                    .recordName(settings.domainName())
                    .target(RecordTarget.fromAlias(new LoadBalancerTarget(app.loadBalancer)))
                    .build();
        }

        output("SiteUrl", "https://" + settings.domainName(), "The shop");
        output("LoadBalancerDns", app.loadBalancer.getLoadBalancerDnsName(), "Point the domain here without Route 53");
        output("DatabaseWriterEndpoint", database.cluster.getAttrEndpointAddress(), "Writer endpoint");
        output("DatabaseReaderEndpoint", database.cluster.getAttrReadEndpointAddress(), "Reader endpoint");
        output("InitialAdminSecret", secrets.initialAdmin().getSecretName(), "The first admin's email and password");
    }

    /** The three zones named in the settings; a stack without account and region would otherwise get two. */
    @Override
    public List<String> getAvailabilityZones() {
        return settings.availabilityZones();
    }

    private Secret generated(String id, String name, String description, Map<String, String> template) {
        SecretStringGenerator.Builder generator =
                SecretStringGenerator.builder().passwordLength(48).excludePunctuation(true);
        if (template != null) {
            // sorted: Map.of's order changes from one JVM to the next
            generator
                    .secretStringTemplate(toJsonString(new TreeMap<>(template)))
                    .generateStringKey("password");
        }
        return Secret.Builder.create(this, id)
                .secretName(getStackName() + "/" + name)
                .description(description)
                .generateSecretString(generator.build())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }
}
