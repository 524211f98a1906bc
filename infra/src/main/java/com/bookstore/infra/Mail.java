package com.bookstore.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.route53.CnameRecord;
import software.amazon.awscdk.services.route53.IHostedZone;
import software.amazon.awscdk.services.ses.ConfigurationSet;
import software.amazon.awscdk.services.ses.ConfigurationSetEventDestinationOptions;
import software.amazon.awscdk.services.ses.ConfigurationSetTlsPolicy;
import software.amazon.awscdk.services.ses.DkimRecord;
import software.amazon.awscdk.services.ses.EmailIdentity;
import software.amazon.awscdk.services.ses.EmailSendingEvent;
import software.amazon.awscdk.services.ses.EventDestination;
import software.amazon.awscdk.services.ses.Identity;
import software.amazon.awscdk.services.ses.SuppressionReasons;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * E-mail through Amazon SES: the sending domain (DKIM-signed; its records in the hosted zone when the stack has
 * one), a configuration set that sends over TLS only and publishes bounces, complaints and rejections to a topic
 * of their own, and an alarm on the account's bounce rate. The instances send with their role through SES's API
 * (Spring Cloud AWS): no SMTP password exists to store or rotate.
 */
final class Mail extends Construct {

    final String domain;
    final ConfigurationSet configurationSet;
    final EmailIdentity identity;
    final Topic feedback;

    Mail(Construct scope, String id, Settings settings, IHostedZone zone, IKey topicKey, ITopic notifications) {
        super(scope, id);
        domain = settings.mailDomain();
        feedback = Topic.Builder.create(this, "Feedback")
                .displayName("Bookstore mail bounces, complaints and rejections")
                .enforceSsl(true)
                .masterKey(topicKey)
                .build();
        configurationSet = ConfigurationSet.Builder.create(this, "ConfigurationSet")
                .tlsPolicy(ConfigurationSetTlsPolicy.REQUIRE)
                .reputationMetrics(true)
                // An address that bounced or complained is not mailed again (SES's account suppression list).
                .suppressionReasons(SuppressionReasons.BOUNCES_AND_COMPLAINTS)
                .build();
        configurationSet.addEventDestination(
                "Feedback",
                ConfigurationSetEventDestinationOptions.builder()
                        .destination(EventDestination.snsTopic(feedback))
                        .events(List.of(
                                EmailSendingEvent.BOUNCE,
                                EmailSendingEvent.COMPLAINT,
                                EmailSendingEvent.REJECT,
                                EmailSendingEvent.RENDERING_FAILURE))
                        .build());
        identity = EmailIdentity.Builder.create(this, "Domain")
                .identity(Identity.domain(domain))
                .configurationSet(configurationSet)
                .build();
        boolean inZone = zone != null
                && (domain.equals(settings.hostedZoneName()) || domain.endsWith("." + settings.hostedZoneName()));
        List<DkimRecord> dkim = identity.getDkimRecords();
        for (int i = 0; i < dkim.size(); i++) {
            if (inZone) {
                CnameRecord.Builder.create(this, "Dkim" + (i + 1))
                        .zone(zone)
                        .recordName(dkim.get(i).getName())
                        .domainName(dkim.get(i).getValue())
                        .ttl(Duration.hours(1))
                        .build();
            } else {
                CfnOutput.Builder.create(this, "DkimRecord" + (i + 1))
                        .value(dkim.get(i).getName() + " CNAME " + dkim.get(i).getValue())
                        .description("Add to " + domain + "'s DNS so SES verifies the sending domain")
                        .build();
            }
        }
        // SES pauses an account past a 10 % bounce rate; the operator hears at 5 %.
        Alarm bounces = Alarm.Builder.create(this, "BounceRate")
                .alarmDescription("More than 5 % of the mail sent bounces (SES reviews the account at 5 %, pauses"
                        + " it at 10 %): look at the feedback topic")
                .metric(Metric.Builder.create()
                        .namespace("AWS/SES")
                        .metricName("Reputation.BounceRate")
                        .statistic("Maximum")
                        .period(Duration.hours(1))
                        .build())
                .threshold(0.05)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        bounces.addAlarmAction(new SnsAction(notifications));
        CfnOutput.Builder.create(this, "FeedbackTopic")
                .value(feedback.getTopicArn())
                .description("Bounces, complaints and rejections of the shop's mail: subscribe to it")
                .build();
    }

    /**
     * Lets the instances send as the shop: raw messages from an address of the sending domain, through this
     * configuration set (SES authorizes both the identity and the set).
     */
    void grantSend(IGrantable grantee) {
        grantee.getGrantPrincipal()
                .addToPrincipalPolicy(PolicyStatement.Builder.create()
                        .actions(List.of("ses:SendRawEmail"))
                        .resources(List.of(
                                identity.getEmailIdentityArn(),
                                Stack.of(this)
                                        .formatArn(ArnComponents.builder()
                                                .service("ses")
                                                .resource("configuration-set")
                                                .resourceName(configurationSet.getConfigurationSetName())
                                                .build())))
                        .conditions(Map.of("StringLike", Map.of("ses:FromAddress", "*@" + domain)))
                        .build());
    }

    /** The instances' settings for it (stack.env). */
    List<String> environment() {
        return List.of("MAIL_DOMAIN=" + domain, "MAIL_CONFIGURATION_SET=" + configurationSet.getConfigurationSetName());
    }
}
