package dev.greenlight.local.aws.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;

/** Each intrinsic function and pseudo parameter, from the CloudFormation User Guide's examples. */
class IntrinsicsTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Scope scope = new Scope(
            Map.of("Env", NODES.textNode("prod"), "Cidrs", NODES.arrayNode().add("10.0.0.0/24").add("10.0.1.0/24")),
            Map.of("AWS::Region", NODES.textNode("us-east-1"), "AWS::AccountId", NODES.textNode("123456789012"),
                    "AWS::StackName", NODES.textNode("app"), "AWS::Partition", NODES.textNode("aws"),
                    "AWS::URLSuffix", NODES.textNode("amazonaws.com")),
            NODES.objectNode().set("Sizes", NODES.objectNode().set("prod", NODES.objectNode().put("Memory", "2048"))),
            Map.of("IsProd", true, "IsDev", false),
            new Scope.Resources() {
                @Override
                public Optional<JsonNode> ref(String logicalId) {
                    return logicalId.equals("Bucket") ? Optional.of(NODES.textNode("app-bucket-1")) : Optional.empty();
                }

                @Override
                public Optional<JsonNode> attribute(String logicalId, String attribute) {
                    return logicalId.equals("Bucket") && attribute.equals("Arn")
                            ? Optional.of(NODES.textNode("arn:aws:s3:::app-bucket-1")) : Optional.empty();
                }

                @Override
                public boolean declared(String logicalId) {
                    return List.of("Bucket", "Skipped").contains(logicalId);
                }
            },
            new Scope.Exports() {
                @Override
                public Optional<String> value(String name) {
                    return name.equals("shared-vpc") ? Optional.of("vpc-123") : Optional.empty();
                }

                @Override
                public Optional<String> exporter(String name) {
                    return Optional.empty();
                }
            },
            List.of("us-east-1a", "us-east-1b", "us-east-1c"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            !Ref Env                                                   | "prod"
            !Ref Bucket                                                | "app-bucket-1"
            !Ref AWS::Region                                           | "us-east-1"
            !Ref Cidrs                                                 | ["10.0.0.0/24","10.0.1.0/24"]
            !GetAtt Bucket.Arn                                         | "arn:aws:s3:::app-bucket-1"
            {"Fn::GetAtt": ["Bucket", "Arn"]}                          | "arn:aws:s3:::app-bucket-1"
            !Sub '${AWS::StackName}-${Env}-${Bucket}'                  | "app-prod-app-bucket-1"
            !Sub '${Bucket.Arn}/*'                                     | "arn:aws:s3:::app-bucket-1/*"
            !Sub ['${Name}.${AWS::URLSuffix}', {Name: !Ref Env}]       | "prod.amazonaws.com"
            !Sub 'literal ${!Env}'                                     | "literal ${Env}"
            !Join [':', [a, !Ref Env, c]]                              | "a:prod:c"
            !Join ['', [!Ref Cidrs]]                                   | "10.0.0.0/24,10.0.1.0/24"
            !Select [1, [x, y, z]]                                     | "y"
            !Select [0, !GetAZs '']                                    | "us-east-1a"
            !Split [',', 'a,b,,c']                                     | ["a","b","","c"]
            !If [IsProd, big, small]                                   | "big"
            !If [IsDev, big, small]                                    | "small"
            [a, !If [IsDev, b, !Ref AWS::NoValue], c]                  | ["a","c"]
            {Keep: 1, Drop: !If [IsDev, x, !Ref AWS::NoValue]}         | {"Keep":"1"}
            !Equals [!Ref Env, prod]                                   | true
            !Not [!Equals [!Ref Env, prod]]                            | false
            !And [!Condition IsProd, !Equals [a, a]]                   | true
            !Or [!Condition IsDev, !Equals [a, b]]                     | false
            !FindInMap [Sizes, !Ref Env, Memory]                       | "2048"
            !GetAZs us-east-1                                          | ["us-east-1a","us-east-1b","us-east-1c"]
            !ImportValue shared-vpc                                    | "vpc-123"
            !Base64 'hello'                                            | "aGVsbG8="
            !Cidr ['10.0.0.0/16', 3, 8]                                | ["10.0.0.0/24","10.0.1.0/24","10.0.2.0/24"]
            {Statement: [{Condition: {StringEquals: {a: b}}}]}         | {"Statement":[{"Condition":{"StringEquals":{"a":"b"}}}]}
            """)
    void resolves(String expression, String expected) throws Exception {
        JsonNode template = TemplateReader.read("Value: " + expression).get("Value");

        assertThat(new Intrinsics(scope).resolve(template)).isEqualTo(JSON.readTree(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            !Ref Nowhere                           | Template format error: Unresolved resource dependencies [Nowhere] in the Resources block of the template
            !GetAtt Nowhere.Arn                    | Template error: instance of Fn::GetAtt references undefined resource Nowhere
            !GetAtt Bucket.Size                    | Template error: resource Bucket does not support attribute type Size in Fn::GetAtt
            !Select [5, [a]]                       | Template error: Fn::Select cannot select nonexistent value at index 5
            !FindInMap [Sizes, dev, Memory]        | Template error: Unable to get mapping for Sizes::dev::Memory
            !ImportValue other                     | No export named other found.
            !If [Unknown, a, b]                    | Template error: unresolved condition dependency Unknown in Fn::If
            !Transform {Name: x}                   | Template format error: Encountered unsupported function: Fn::Transform
            !Equals [a]                            | Template error: Fn::Equals takes a list of 2 elements
            """)
    void refuses(String expression, String message) {
        JsonNode template = TemplateReader.read("Value: " + expression).get("Value");

        assertThatThrownBy(() -> new Intrinsics(scope).resolve(template))
                .isInstanceOfSatisfying(CloudFormationException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
                });
    }
}
