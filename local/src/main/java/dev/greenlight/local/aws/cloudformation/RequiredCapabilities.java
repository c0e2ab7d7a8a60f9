package dev.greenlight.local.aws.cloudformation;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Templates that make IAM resources need the caller's acknowledgement: CAPABILITY_IAM, or
 * CAPABILITY_NAMED_IAM when a resource sets its own IAM name.
 */
final class RequiredCapabilities {

    /** IAM resource types, with the property that names them. */
    private static final Map<String, String> IAM_TYPES = Map.of(
            "AWS::IAM::Role", "RoleName",
            "AWS::IAM::Policy", "",
            "AWS::IAM::ManagedPolicy", "ManagedPolicyName",
            "AWS::IAM::User", "UserName",
            "AWS::IAM::Group", "GroupName",
            "AWS::IAM::InstanceProfile", "InstanceProfileName",
            "AWS::IAM::AccessKey", "",
            "AWS::IAM::UserToGroupAddition", "");

    private RequiredCapabilities() {
    }

    static Optional<String> of(Template template) {
        boolean iam = false;
        for (ResourceDeclaration resource : template.resources().values()) {
            String nameProperty = IAM_TYPES.get(resource.type());
            if (nameProperty == null) {
                continue;
            }
            if (!nameProperty.isEmpty() && resource.properties().has(nameProperty)) {
                return Optional.of("CAPABILITY_NAMED_IAM");
            }
            iam = true;
        }
        return iam ? Optional.of("CAPABILITY_IAM") : Optional.empty();
    }

    static void check(Template template, Collection<String> given) {
        of(template).ifPresent(required -> {
            boolean ok = given.contains("CAPABILITY_NAMED_IAM")
                    || (required.equals("CAPABILITY_IAM") && given.contains("CAPABILITY_IAM"));
            if (!ok) {
                throw CloudFormationErrors.capabilities(required);
            }
        });
    }
}
