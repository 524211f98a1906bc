package com.bookstore.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
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

    Monitoring(Construct scope, String id, AppTier app, Database database, ITopic notifications) {
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
        Metric replicaLag = Metric.Builder.create()
                .namespace("AWS/RDS")
                .metricName("ReplicaLag")
                .dimensionsMap(Map.of("DBClusterIdentifier", database.cluster.getRef()))
                .statistic("Maximum")
                .period(Duration.minutes(1))
                .build();
        Metric dbCpu = Metric.Builder.create()
                .namespace("AWS/RDS")
                .metricName("CPUUtilization")
                .dimensionsMap(Map.of("DBClusterIdentifier", database.cluster.getRef()))
                .statistic("Average")
                .period(Duration.minutes(1))
                .build();

        alarm("LoadBalancer5xx", "The load balancer answered 5xx (no healthy instance?)", elb5xx, 10, 3);
        alarm("Target5xx", "The services answered 5xx more than 10 times a minute", target5xx, 10, 3);
        alarm("ResponseTimeP99", "p99 response time above 2 s", responseTime, 2, 5);
        alarm("UnhealthyInstances", "An instance fails nginx's health check", unhealthy, 1, 3);
        alarm("InstanceCpu", "Instances above 85% CPU for 10 minutes even after scaling", app.cpu, 85, 10);
        alarm("ReplicaLag", "A readable standby is more than 30 s behind the writer", replicaLag, 30, 5);
        alarm("DatabaseCpu", "Database above 80% CPU for 10 minutes", dbCpu, 80, 10);
        alarms.forEach(alarm -> alarm.addAlarmAction(new SnsAction(notifications)));

        Dashboard.Builder.create(this, "Dashboard")
                .dashboardName("Bookstore")
                .widgets(List.of(
                        List.of(graph("Requests per minute", requests), graph("5xx per minute", elb5xx, target5xx)),
                        List.of(graph("p99 response time (s)", responseTime), graph("Instance CPU (%)", app.cpu)),
                        List.of(graph("Replica lag (s)", replicaLag), graph("Database CPU (%)", dbCpu)),
                        List.of(graph("Unhealthy instances", unhealthy))))
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
