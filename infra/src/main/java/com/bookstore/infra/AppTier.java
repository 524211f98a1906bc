package com.bookstore.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.autoscaling.AdditionalHealthCheckType;
import software.amazon.awscdk.services.autoscaling.AdditionalHealthChecksOptions;
import software.amazon.awscdk.services.autoscaling.AdjustmentType;
import software.amazon.awscdk.services.autoscaling.AutoScalingGroup;
import software.amazon.awscdk.services.autoscaling.BasicStepScalingPolicyProps;
import software.amazon.awscdk.services.autoscaling.HealthChecks;
import software.amazon.awscdk.services.autoscaling.NotificationConfiguration;
import software.amazon.awscdk.services.autoscaling.RollingUpdateOptions;
import software.amazon.awscdk.services.autoscaling.ScalingInterval;
import software.amazon.awscdk.services.autoscaling.Signals;
import software.amazon.awscdk.services.autoscaling.SignalsOptions;
import software.amazon.awscdk.services.autoscaling.UpdatePolicy;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.certificatemanager.CertificateValidation;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.ec2.BlockDevice;
import software.amazon.awscdk.services.ec2.BlockDeviceVolume;
import software.amazon.awscdk.services.ec2.EbsDeviceOptions;
import software.amazon.awscdk.services.ec2.EbsDeviceVolumeType;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.LaunchTemplate;
import software.amazon.awscdk.services.ec2.MachineImage;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.S3DownloadOptions;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.UserData;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationTargetsProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.Protocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.route53.IHostedZone;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.assets.Asset;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * The application tier: an internet-facing ALB (ACM certificate, HTTP → HTTPS, access logs) in front of an Auto
 * Scaling Group across the three zones. Each instance runs what {@code ./bookstore up} runs locally: nginx from
 * the same template, and the three services under systemd, reading the database through the cluster's writer and
 * reader endpoints.
 */
final class AppTier extends Construct {

    /**
     * The target group's health check: nginx answers 200 only while all three services on the instance report
     * ready (an instance with a dead service is taken out and replaced, not left serving 503s).
     */
    static final String HEALTH_PATH = "/instance-health";

    final ApplicationLoadBalancer loadBalancer;
    final ApplicationTargetGroup targets;
    final AutoScalingGroup instances;
    final SecurityGroup instanceSecurityGroup;
    final Metric cpu;
    /** The deployment bundle (services, nginx template, instance scripts) in the CDK assets bucket. */
    final Asset bundleAsset;

    AppTier(
            Construct scope,
            String id,
            Settings settings,
            Vpc vpc,
            Database database,
            Secrets secrets,
            Path bundle,
            IHostedZone zone,
            ITopic notifications,
            Mail mail) {
        super(scope, id);
        if (!Files.isDirectory(bundle.resolve("services"))) {
            throw new IllegalStateException("No deployment bundle at " + bundle
                    + ": build it first with ./mvnw -pl infra -am package -DskipTests (./bookstore test does)");
        }

        Bucket accessLogs = Bucket.Builder.create(this, "AccessLogs")
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .enforceSsl(true)
                .lifecycleRules(List.of(
                        LifecycleRule.builder().expiration(Duration.days(90)).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();

        SecurityGroup albSecurityGroup = SecurityGroup.Builder.create(this, "LoadBalancerSecurityGroup")
                .vpc(vpc)
                .description("Bookstore load balancer: HTTP and HTTPS from the internet")
                .allowAllOutbound(false)
                .build();
        albSecurityGroup.addIngressRule(Peer.anyIpv4(), Port.tcp(443), "HTTPS from the internet");
        albSecurityGroup.addIngressRule(Peer.anyIpv4(), Port.tcp(80), "HTTP from the internet, redirected to HTTPS");

        loadBalancer = ApplicationLoadBalancer.Builder.create(this, "LoadBalancer")
                .vpc(vpc)
                .internetFacing(true)
                .vpcSubnets(
                        SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build())
                .securityGroup(albSecurityGroup)
                .dropInvalidHeaderFields(true)
                .build();
        loadBalancer.logAccessLogs(accessLogs, "alb");

        Certificate certificate = Certificate.Builder.create(this, "Certificate")
                .domainName(settings.domainName())
                .validation(zone == null ? CertificateValidation.fromDns() : CertificateValidation.fromDns(zone))
                .build();

        instanceSecurityGroup = SecurityGroup.Builder.create(this, "InstanceSecurityGroup")
                .vpc(vpc)
                .description("Bookstore instances: HTTPS from the load balancer only")
                .allowAllOutbound(true)
                .build();

        Role role = Role.Builder.create(this, "InstanceRole")
                .assumedBy(new ServicePrincipal("ec2.amazonaws.com"))
                .description(
                        "Bookstore instances: SSM sessions instead of SSH, CloudWatch agent, the app's secrets, SES")
                .managedPolicies(List.of(
                        ManagedPolicy.fromAwsManagedPolicyName("AmazonSSMManagedInstanceCore"),
                        ManagedPolicy.fromAwsManagedPolicyName("CloudWatchAgentServerPolicy")))
                .build();

        Asset asset = bundleAsset = Asset.Builder.create(this, "Bundle")
                .path(bundle.toAbsolutePath().toString())
                .build();
        // The bundle object alone, not the whole (account-wide) assets bucket.
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:GetObject"))
                .resources(List.of(asset.getBucket().arnForObjects(asset.getS3ObjectKey())))
                .build());
        // The app's own secrets and each service's two database accounts; never the RDS master secret, which only
        // the one-shot database set-up reads (DatabaseSetup).
        secrets.grantRead(role);
        database.serviceSecrets.values().forEach(pair -> pair.values().forEach(secret -> secret.grantRead(role)));
        mail.grantSend(role);

        UserData userData = UserData.forLinux();
        userData.addCommands(
                "set -euo pipefail",
                "dnf install -y java-21-amazon-corretto-headless nginx jq openssl perl unzip aws-cfn-bootstrap"
                        + " amazon-cloudwatch-agent",
                // The services run as bookstore and read their settings and the signing key here: the folder is
                // root's, readable by the group (root:root 0750 kept every service from its key, forever).
                "id bookstore >/dev/null 2>&1 || useradd --system --home-dir /opt/bookstore --shell /sbin/nologin bookstore",
                "mkdir -p /opt/bookstore && install -d -o root -g bookstore -m 0750 /etc/bookstore");
        String zip = userData.addS3DownloadCommand(S3DownloadOptions.builder()
                .bucket(asset.getBucket())
                .bucketKey(asset.getS3ObjectKey())
                .localFile("/opt/bookstore/bundle.zip")
                .build());
        // The services' JSON logs and nginx's, shipped by the CloudWatch agent the instances run (setup.sh).
        LogGroup serviceLogs = LogGroup.Builder.create(this, "ServiceLogs")
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        LogGroup nginxLogs = LogGroup.Builder.create(this, "NginxLogs")
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        List<String> environment = new ArrayList<>(List.of(
                "AWS_REGION=" + Stack.of(this).getRegion(),
                "DOMAIN_NAME=" + settings.domainName(),
                "TRUSTED_PROXY_CIDR=" + vpc.getVpcCidrBlock(),
                "DB_WRITER_HOST=" + database.cluster.getAttrEndpointAddress(),
                "DB_READER_HOST=" + database.cluster.getAttrReadEndpointAddress(),
                "DB_PORT=" + Database.PORT,
                "INTERNAL_TOKEN_SECRET_ARN=" + secrets.internalToken.getSecretArn(),
                "SIGNING_SEED_SECRET_ARN=" + secrets.signingSeed.getSecretArn(),
                "INITIAL_ADMIN_SECRET_ARN=" + secrets.initialAdmin.getSecretArn(),
                "SERVICES_LOG_GROUP=" + serviceLogs.getLogGroupName(),
                "NGINX_LOG_GROUP=" + nginxLogs.getLogGroupName()));
        environment.addAll(mail.environment());
        database.serviceSecrets.forEach((service, pair) -> pair.forEach((kind, secret) -> environment.add(
                service.toUpperCase() + "_" + kind.toUpperCase() + "_SECRET_ARN=" + secret.getSecretArn())));
        userData.addCommands(
                "cat > /etc/bookstore/stack.env <<'STACK_ENV'\n" + String.join("\n", environment) + "\nSTACK_ENV",
                "chown root:bookstore /etc/bookstore/stack.env && chmod 640 /etc/bookstore/stack.env",
                "rm -rf /opt/bookstore/current && mkdir -p /opt/bookstore/current",
                "unzip -q -o " + zip + " -d /opt/bookstore/current",
                "bash /opt/bookstore/current/instance/setup.sh");

        LaunchTemplate launchTemplate = LaunchTemplate.Builder.create(this, "LaunchTemplate")
                // The newest AL2023 image, resolved when an instance launches: a deploy does not replace every
                // instance because AWS published an image; instances take it when they are replaced or added.
                .machineImage(MachineImage.resolveSsmParameterAtLaunch(
                        "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-x86_64"))
                .instanceType(new InstanceType(settings.instanceType()))
                .role(role)
                .securityGroup(instanceSecurityGroup)
                .userData(userData)
                .requireImdsv2(true)
                .httpPutResponseHopLimit(1)
                .detailedMonitoring(true)
                .blockDevices(List.of(rootVolume(20)))
                .build();

        instances = AutoScalingGroup.Builder.create(this, "Instances")
                .vpc(vpc)
                .vpcSubnets(SubnetSelection.builder()
                        .subnetType(SubnetType.PRIVATE_WITH_EGRESS)
                        .build())
                .launchTemplate(launchTemplate)
                .minCapacity(settings.minInstances())
                .maxCapacity(settings.maxInstances())
                .healthChecks(HealthChecks.withAdditionalChecks(AdditionalHealthChecksOptions.builder()
                        .additionalTypes(List.of(AdditionalHealthCheckType.ELB))
                        .gracePeriod(Duration.minutes(10))
                        .build()))
                .cooldown(Duration.minutes(5))
                // CloudFormation waits for each instance to say it serves the site (cfn-signal at the end of the
                // user data, after setup.sh saw /instance-health answer 200): a deploy whose instances cannot come
                // up fails and rolls back instead of reporting success.
                .signals(Signals.waitForMinCapacity(
                        SignalsOptions.builder().timeout(Duration.minutes(20)).build()))
                .updatePolicy(UpdatePolicy.rollingUpdate(RollingUpdateOptions.builder()
                        .minInstancesInService(settings.minInstances())
                        .maxBatchSize(1)
                        .pauseTime(Duration.minutes(20))
                        .build()))
                .notifications(List.of(
                        NotificationConfiguration.builder().topic(notifications).build()))
                .build();

        // The exit status of the user data (set -e: any failed step) is what the instance signals.
        userData.addSignalOnExitCommand(instances);

        ApplicationListener https = loadBalancer.addListener(
                "Https",
                BaseApplicationListenerProps.builder()
                        .port(443)
                        .protocol(ApplicationProtocol.HTTPS)
                        .certificates(List.of(ListenerCertificate.fromCertificateManager(certificate)))
                        .sslPolicy(SslPolicy.RECOMMENDED_TLS)
                        .open(false)
                        .build());
        targets = https.addTargets(
                "Instances",
                AddApplicationTargetsProps.builder()
                        .port(443)
                        .protocol(ApplicationProtocol.HTTPS)
                        .targets(List.of(instances))
                        .deregistrationDelay(Duration.seconds(30))
                        .healthCheck(HealthCheck.builder()
                                .path(HEALTH_PATH)
                                .protocol(Protocol.HTTPS)
                                .healthyHttpCodes("200")
                                .interval(Duration.seconds(15))
                                .healthyThresholdCount(2)
                                .unhealthyThresholdCount(3)
                                .build())
                        .build());
        loadBalancer.addRedirect(); // port 80 → 443, 301 by the load balancer

        cpu = Metric.Builder.create()
                .namespace("AWS/EC2")
                .metricName("CPUUtilization")
                .dimensionsMap(Map.of("AutoScalingGroupName", instances.getAutoScalingGroupName()))
                .statistic("Average")
                .period(Duration.seconds(60))
                .build();
        // Out when the group's CPU is at least 50% for five one-minute periods (300 s); in when below 25% as long.
        instances.scaleOnMetric(
                "CpuStepScaling",
                BasicStepScalingPolicyProps.builder()
                        .metric(cpu)
                        .adjustmentType(AdjustmentType.CHANGE_IN_CAPACITY)
                        .evaluationPeriods(5)
                        .datapointsToAlarm(5)
                        .scalingSteps(List.of(
                                ScalingInterval.builder().upper(25).change(-1).build(),
                                ScalingInterval.builder().lower(50).change(1).build(),
                                ScalingInterval.builder().lower(80).change(2).build()))
                        .build());
    }

    /** An instance's root volume: gp3, encrypted, gone with the instance. */
    static BlockDevice rootVolume(int gib) {
        return BlockDevice.builder()
                .deviceName("/dev/xvda")
                .volume(BlockDeviceVolume.ebs(
                        gib,
                        EbsDeviceOptions.builder()
                                .encrypted(true)
                                .volumeType(EbsDeviceVolumeType.GP3)
                                .deleteOnTermination(true)
                                .build()))
                .build();
    }

    /** Application-level secrets the instances read: internal call token, JWT signing seed, first admin. */
    record Secrets(Secret internalToken, Secret signingSeed, Secret initialAdmin) {
        void grantRead(Role role) {
            internalToken.grantRead(role);
            signingSeed.grantRead(role);
            initialAdmin.grantRead(role);
        }
    }
}
