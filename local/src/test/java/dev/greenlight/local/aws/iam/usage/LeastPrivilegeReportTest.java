package dev.greenlight.local.aws.iam.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeastPrivilegeReportTest {

    private static final String POLICY = """
            {"Version":"2012-10-17","Statement":[
             {"Effect":"Allow","Action":"sns:Publish","Resource":["arn:aws:sns:us-east-1:123456789012:a"]},
             {"Effect":"Allow","Action":["ecs:UpdateService","logs:PutLogEvents"],"Resource":"*"},
             {"Effect":"Deny","Action":"ecs:DeleteService","Resource":"*"},
             {"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}""";

    @Test
    void grantedActions_comeFromAllowStatements_withTheirResources_andNotActionAsWritten() {
        assertThat(LeastPrivilegeReport.granted(List.of(POLICY))).isEqualTo(Map.of(
                "sns:Publish", Set.of("arn:aws:sns:us-east-1:123456789012:a"),
                "ecs:UpdateService", Set.of("*"),
                "logs:PutLogEvents", Set.of("*"),
                "NotAction iam:*", Set.of("*")));
    }

    @Test
    void eachRole_hasItsGrantedUsedAndNeverUsedActions_andAReasonKeptByRoleOrByAction() {
        LeastPrivilegeReport report = LeastPrivilegeReport.of(Map.of("RollbackRole0EF2EAE4", List.of(POLICY)),
                Map.of("RollbackRole0EF2EAE4", Map.of("sns:Publish", Set.of("arn:aws:sns:us-east-1:123456789012:a"))),
                Map.of("RollbackRole ecs:UpdateService", "only after a success", "logs:PutLogEvents", "Lambda's"));

        LeastPrivilegeReport.Role role = report.roles().get(0);
        assertThat(role.never()).containsExactly("NotAction iam:*", "ecs:UpdateService", "logs:PutLogEvents");
        assertThat(report.table()).startsWith("RollbackRole                             granted  4  used  1  never used  3\n")
                .contains("    used  sns:Publish on arn:aws:sns:us-east-1:123456789012:a\n",
                        "    never ecs:UpdateService (granted on *); kept: only after a success\n",
                        "    never logs:PutLogEvents (granted on *); kept: Lambda's\n",
                        "    never NotAction iam:* (granted on *)\n");
        assertThat(report.json().path("roles").get(0).path("neverUsed").findValuesAsText("keptBecause"))
                .containsExactly("only after a success", "Lambda's");
    }
}
