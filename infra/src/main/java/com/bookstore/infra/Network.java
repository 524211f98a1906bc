package com.bookstore.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The VPC over the three zones: public subnets for the load balancer and NAT, private subnets (with egress) for
 * the instances, isolated subnets for the database. Flow logs of all traffic go to CloudWatch Logs.
 */
final class Network extends Construct {

    final Vpc vpc;

    Network(Construct scope, String id, Settings settings) {
        super(scope, id);
        LogGroup flowLogs = LogGroup.Builder.create(this, "FlowLogs")
                .retention(RetentionDays.ONE_MONTH)
                .build();
        vpc = Vpc.Builder.create(this, "Vpc")
                .ipAddresses(IpAddresses.cidr("10.40.0.0/16"))
                .availabilityZones(settings.availabilityZones())
                .natGateways(settings.natGateways())
                .subnetConfiguration(List.of(
                        SubnetConfiguration.builder()
                                .name("public")
                                .subnetType(SubnetType.PUBLIC)
                                .cidrMask(24)
                                .build(),
                        SubnetConfiguration.builder()
                                .name("app")
                                .subnetType(SubnetType.PRIVATE_WITH_EGRESS)
                                .cidrMask(22)
                                .build(),
                        SubnetConfiguration.builder()
                                .name("data")
                                .subnetType(SubnetType.PRIVATE_ISOLATED)
                                .cidrMask(24)
                                .build()))
                .flowLogs(Map.of(
                        "All",
                        FlowLogOptions.builder()
                                .destination(FlowLogDestination.toCloudWatchLogs(flowLogs))
                                .trafficType(FlowLogTrafficType.ALL)
                                .build()))
                .build();
        // S3 through a gateway endpoint (free): the instances' bundle download and the assets never need NAT.
        vpc.addGatewayEndpoint(
                "S3",
                GatewayVpcEndpointOptions.builder()
                        .service(GatewayVpcEndpointAwsService.S3)
                        .build());
        // Optionally (-c interfaceEndpoints=true, about $7 a month per endpoint and zone) the AWS APIs a booting
        // instance calls, so it boots even when the NAT path is down.
        if (settings.interfaceEndpoints()) {
            Map.of(
                            "SecretsManager", InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
                            "Ssm", InterfaceVpcEndpointAwsService.SSM,
                            "SsmMessages", InterfaceVpcEndpointAwsService.SSM_MESSAGES,
                            "Ec2Messages", InterfaceVpcEndpointAwsService.EC2_MESSAGES,
                            "Logs", InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
                            "CloudFormation", InterfaceVpcEndpointAwsService.CLOUDFORMATION)
                    .entrySet()
                    .stream()
                    .sorted(Map.Entry.comparingByKey()) // a stable template: Map.of's order varies
                    .forEach(endpoint -> vpc.addInterfaceEndpoint(
                            endpoint.getKey(),
                            InterfaceVpcEndpointOptions.builder()
                                    .service(endpoint.getValue())
                                    .subnets(SubnetSelection.builder()
                                            .subnetType(SubnetType.PRIVATE_WITH_EGRESS)
                                            .build())
                                    .privateDnsEnabled(true)
                                    .build()));
        }
    }
}
