package com.bookstore.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.TagProps;
import software.amazon.awscdk.Tags;

/**
 * {@code npx cdk synth} / {@code npx cdk deploy} run this (see {@code cdk.json}). The region is the {@code region}
 * context value, else the CLI's ({@code CDK_DEFAULT_REGION}), else eu-central-1; synth needs no credentials.
 */
public final class BookstoreApp {

    private BookstoreApp() {}

    public static void main(String[] args) {
        App app = new App();
        build(app, Path.of(System.getProperty("bookstore.bundle", "target/bundle")));
        app.synth();
    }

    /** The stack, tagged and checked by cdk-nag's AwsSolutions pack; shared by main and the tests. */
    public static BookstoreStack build(App app, Path bundle) {
        // The one-shot database set-up instance's IMDSv2 launch template gets a name unique to the stack, not a
        // fixed one that a second stack in the account would collide with.
        app.getNode().setContext("@aws-cdk/aws-ec2:uniqueImdsv2TemplateName", true);
        Settings settings = Settings.from(app.getNode());
        // The region is always concrete (ALB access logs need it); the account is the CLI's, or left to deploy time.
        Environment.Builder env = Environment.builder().region(settings.region());
        String account = System.getenv("CDK_DEFAULT_ACCOUNT");
        if (account != null && !account.isBlank()) {
            env.account(account);
        }
        StackProps props = StackProps.builder()
                .env(env.build())
                .description("Bookstore: VPC, RDS MySQL Multi-AZ DB cluster, ALB, Auto Scaling Group, alarms")
                .build();
        BookstoreStack stack = new BookstoreStack(app, "Bookstore", props, settings, bundle);
        // Everything that takes tags (CloudFormation refuses Tags on a dashboard, which CDK would add).
        Tags.of(stack)
                .add(
                        "application",
                        "bookstore",
                        TagProps.builder()
                                .excludeResourceTypes(List.of("AWS::CloudWatch::Dashboard"))
                                .build());
        Compliance.suppressions(stack);
        Aspects.of(app)
                .add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        return stack;
    }
}
