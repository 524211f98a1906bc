package com.bookstore.infra;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.CfnCreationPolicy;
import software.amazon.awscdk.CfnResourceSignal;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.CfnInstance;
import software.amazon.awscdk.services.ec2.Instance;
import software.amazon.awscdk.services.ec2.InstanceInitiatedShutdownBehavior;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.MachineImage;
import software.amazon.awscdk.services.ec2.S3DownloadOptions;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.UserData;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.s3.assets.Asset;
import software.constructs.Construct;

/**
 * The database set-up of a deploy, once: a one-shot instance that runs {@code instance/db-accounts.sh} from the
 * deployment bundle (schemas, and each service's read-write and read-only accounts with the passwords Secrets
 * Manager generated), signals CloudFormation with its outcome and terminates itself. It is the only thing that
 * reads the RDS master secret; the application instances never can. Its logical id carries the bundle's hash, so
 * every deploy of a new bundle runs it again (idempotent) before the Auto Scaling Group's rolling update starts;
 * a failed set-up fails the deploy. The tables are each service's own Flyway migrations, run at start under
 * Flyway's lock by the service's read-write account.
 */
final class DatabaseSetup extends Construct {

    static final String INSTANCE_TYPE = "t3.micro";

    final Instance instance;
    final SecurityGroup securityGroup;

    DatabaseSetup(Construct scope, String id, Vpc vpc, Database database, Asset bundle) {
        super(scope, id);
        securityGroup = SecurityGroup.Builder.create(this, "SecurityGroup")
                .vpc(vpc)
                .description("Bookstore database set-up: MySQL to the cluster, HTTPS to S3 and Secrets Manager")
                .allowAllOutbound(true)
                .build();
        database.allowFrom(securityGroup, "MySQL from the one-shot database set-up");

        Role role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("ec2.amazonaws.com"))
                .description("Bookstore database set-up: the master secret, the service accounts, the bundle")
                .build();
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:GetObject"))
                .resources(List.of(bundle.getBucket().arnForObjects(bundle.getS3ObjectKey())))
                .build());
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"))
                .resources(List.of(database.masterSecretArn()))
                .build());
        database.serviceSecrets.values().forEach(pair -> pair.values().forEach(secret -> secret.grantRead(role)));

        UserData userData = UserData.forLinux();
        userData.addCommands(
                "set -euo pipefail", "dnf install -y mariadb105 jq unzip aws-cfn-bootstrap", "mkdir -p /opt/bookstore");
        String zip = userData.addS3DownloadCommand(S3DownloadOptions.builder()
                .bucket(bundle.getBucket())
                .bucketKey(bundle.getS3ObjectKey())
                .localFile("/opt/bookstore/bundle.zip")
                .build());
        List<String> environment = new ArrayList<>(List.of(
                "AWS_REGION=" + Stack.of(this).getRegion(),
                "DB_WRITER_HOST=" + database.cluster.getAttrEndpointAddress(),
                "DB_PORT=" + Database.PORT,
                "DB_MASTER_SECRET_ARN=" + database.masterSecretArn()));
        database.serviceSecrets.forEach((service, pair) -> pair.forEach((kind, secret) -> environment.add(
                service.toUpperCase() + "_" + kind.toUpperCase() + "_SECRET_ARN=" + secret.getSecretArn())));
        userData.addCommands(
                "unzip -q -o " + zip + " -d /opt/bookstore/current",
                "cat > /opt/bookstore/setup.env <<'SETUP_ENV'\n" + String.join("\n", environment) + "\nSETUP_ENV",
                "set -a; . /opt/bookstore/setup.env; set +a",
                "bash /opt/bookstore/current/instance/db-accounts.sh");

        instance = Instance.Builder.create(this, "Run")
                .vpc(vpc)
                .vpcSubnets(SubnetSelection.builder()
                        .subnetType(SubnetType.PRIVATE_WITH_EGRESS)
                        .build())
                // The newest AL2023 image when the deploy runs (a stack parameter read from SSM): the set-up is
                // replaced with each deploy anyway.
                .machineImage(MachineImage.latestAmazonLinux2023())
                .instanceType(new InstanceType(INSTANCE_TYPE))
                .role(role)
                .securityGroup(securityGroup)
                .userData(userData)
                .requireImdsv2(true)
                .detailedMonitoring(true)
                .instanceInitiatedShutdownBehavior(InstanceInitiatedShutdownBehavior.TERMINATE)
                .blockDevices(List.of(AppTier.rootVolume(8)))
                .build();
        CfnInstance resource = (CfnInstance) instance.getNode().getDefaultChild();
        // A new logical id for every new bundle: CloudFormation replaces (runs) the set-up once per deploy.
        // "OncePer" keeps its place among the (sorted) logical ids whatever the hash begins with, and ends in no hex
        // digit.
        resource.overrideLogicalId("DatabaseSetupOncePer" + bundle.getAssetHash());
        resource.getCfnOptions()
                .setCreationPolicy(CfnCreationPolicy.builder()
                        .resourceSignal(CfnResourceSignal.builder()
                                .count(1)
                                .timeout("PT15M")
                                .build())
                        .build());
        // Whatever the outcome: signal it (set -e makes any failed step the exit status), then power off, which
        // terminates the instance. Its output stays in the instance's console log (aws ec2 get-console-output).
        userData.addSignalOnExitCommand(instance);
        userData.addOnExitCommands("shutdown -h now");
    }
}
