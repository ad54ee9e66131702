package dev.ecrplugin.iam;

import dev.ecrplugin.core.InvalidInputException;
import dev.ecrplugin.core.Strings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The IAM user a POM declares.
 *
 * @param userName         IAM user name
 * @param policyNames      customer managed policies of the caller's account to attach, by name
 * @param policyArns       policies to attach, by ARN
 * @param accessKeyProfile profile of the AWS credentials file that must hold a current access key of the user, or
 *                         null for none
 */
public record UserSpec(String userName, List<String> policyNames, List<String> policyArns, String accessKeyProfile) {

    /** IAM's rules for user names (CreateUser: 1-64 of the characters of IAM names). */
    private static final Pattern USER_NAME = Pattern.compile(PolicySpec.NAME_CHARS + "{1,64}");
    private static final Pattern POLICY_ARN = Pattern.compile(
            "arn:[a-z-]+:iam::(\\d{12}|aws):policy/(.+/)?" + PolicySpec.NAME_CHARS + "{1,128}");

    public UserSpec {
        userName = Strings.trimToNull(userName);
        if (userName == null) {
            throw new InvalidInputException("<userName> is required: name the IAM user (POM <userName> or "
                    + "-Decr.userName)");
        }
        if (!USER_NAME.matcher(userName).matches()) {
            throw new InvalidInputException("<userName> '" + userName + "' is not a valid IAM user name: use 1 to 64 "
                    + "letters, digits and + = , . @ _ -");
        }
        policyNames = clean(policyNames);
        for (String name : policyNames) {
            if (!PolicySpec.isValidName(name)) {
                throw new InvalidInputException("<policyNames> '" + name + "' is not a valid IAM policy name: use 1 to "
                        + "128 letters, digits and + = , . @ _ - (give a policy of another account or path in "
                        + "<policyArns>)");
            }
        }
        policyArns = clean(policyArns);
        for (String arn : policyArns) {
            if (!POLICY_ARN.matcher(arn).matches()) {
                throw new InvalidInputException("<policyArns> '" + arn + "' is not an IAM policy ARN: write it like "
                        + "arn:aws:iam::123456789012:policy/NAME");
            }
        }
        accessKeyProfile = Strings.trimToNull(accessKeyProfile);
        if (accessKeyProfile != null) {
            CredentialsFile.checkProfileName(accessKeyProfile, "accessKeyProfile");
        }
    }

    private static List<String> clean(List<String> values) {
        LinkedHashSet<String> cleaned = new LinkedHashSet<>();
        if (values != null) {
            for (String v : values) {
                String s = Strings.trimToNull(v);
                if (s != null) {
                    cleaned.add(s);
                }
            }
        }
        return List.copyOf(new ArrayList<>(cleaned));
    }
}
