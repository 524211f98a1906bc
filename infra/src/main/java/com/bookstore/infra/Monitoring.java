package com.bookstore.infra;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeElb;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeTarget;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/** Alarms (to the notification topic) on what a store operator is woken for, and one dashboard. */
final class Monitoring extends Construct {

    private final List<Alarm> alarms = new ArrayList<>();

    Monitoring(Construct scope, String id, AppTier app, ITopic notifications) {
        super(scope, id);
        MetricOptions perMinuteSum = MetricOptions.builder()
                .period(Duration.minutes(1))
                .statistic("Sum")
                .build();
        Metric elb5xx = app.loadBalancer.getMetrics().httpCodeElb(HttpCodeElb.ELB_5XX_COUNT, perMinuteSum);
        Metric target5xx = app.loadBalancer.getMetrics().httpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT, perMinuteSum);
        Metric requests = app.loadBalancer.getMetrics().requestCount(perMinuteSum);
        Metric responseTime = app.loadBalancer
                .getMetrics()
                .targetResponseTime(MetricOptions.builder()
                        .period(Duration.minutes(1))
                        .statistic("p99")
                        .build());
        Metric unhealthy = app.targets
                .getMetrics()
                .unhealthyHostCount(MetricOptions.builder()
                        .period(Duration.minutes(1))
                        .statistic("Maximum")
                        .build());
        // A Multi-AZ DB cluster publishes ReplicaLag and CPUUtilization per member instance (DBInstanceIdentifier),
        // not per cluster, and CloudFormation does not name its members: Metrics Insights queries over every RDS
        // instance of the account and region watch them whatever their names (the store should have its own
        // account; in a shared one these alarms watch the neighbours' databases too). ReplicaLag reads -1 while
        // replication is stopped, which the lag alarm (on the maximum) would never see: its own alarm watches the
        // minimum.
        IMetric replicaLag = rdsInstances("MAX(ReplicaLag)", "Replica lag, slowest standby (s)");
        IMetric replicationStopped = rdsInstances("MIN(ReplicaLag)", "Replica lag, -1 = replication stopped");
        IMetric dbCpu = rdsInstances("MAX(CPUUtilization)", "Database CPU, busiest instance (%)");

        alarm("LoadBalancer5xx", "The load balancer answered 5xx (no healthy instance?)", elb5xx, 10, 3);
        alarm("Target5xx", "The services answered 5xx more than 10 times a minute", target5xx, 10, 3);
        alarm("ResponseTimeP99", "p99 response time above 2 s", responseTime, 2, 5);
        alarm("UnhealthyInstances", "An instance fails nginx's health check", unhealthy, 1, 3);
        alarm("InstanceCpu", "Instances above 85% CPU for 10 minutes even after scaling", app.cpu, 85, 10);
        alarm("ReplicaLag", "A readable standby is more than 30 s behind the writer", replicaLag, 30, 5);
        alarm("DatabaseCpu", "Database above 80% CPU for 10 minutes", dbCpu, 80, 10);
        alarms.add(Alarm.Builder.create(this, "ReplicationStopped")
                .alarmDescription("A readable standby reports ReplicaLag -1: replication is not running")
                .metric(replicationStopped)
                .threshold(0)
                .comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD)
                .evaluationPeriods(3)
                .datapointsToAlarm(3)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build());
        alarms.forEach(alarm -> alarm.addAlarmAction(new SnsAction(notifications)));

        Dashboard.Builder.create(this, "Dashboard")
                .dashboardName("Bookstore")
                .widgets(List.of(
                        List.of(graph("Requests per minute", requests), graph("5xx per minute", elb5xx, target5xx)),
                        List.of(graph("p99 response time (s)", responseTime), graph("Instance CPU (%)", app.cpu)),
                        List.of(
                                graph("Replica lag (s)", replicaLag, replicationStopped),
                                graph("Database CPU (%)", dbCpu)),
                        List.of(graph("Unhealthy instances", unhealthy))))
                .build();
    }

    private static IMetric rdsInstances(String aggregate, String label) {
        return MathExpression.Builder.create()
                .expression("SELECT " + aggregate + " FROM SCHEMA(\"AWS/RDS\", DBInstanceIdentifier)")
                .label(label)
                .period(Duration.minutes(1))
                .build();
    }

    private void alarm(String id, String description, IMetric metric, double threshold, int minutes) {
        alarms.add(Alarm.Builder.create(this, id)
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .evaluationPeriods(minutes)
                .datapointsToAlarm(minutes)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build());
    }

    private static GraphWidget graph(String title, IMetric... metrics) {
        return GraphWidget.Builder.create()
                .title(title)
                .left(List.of(metrics))
                .width(12)
                .build();
    }
}
