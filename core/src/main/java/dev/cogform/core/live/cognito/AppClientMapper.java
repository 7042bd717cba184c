package dev.cogform.core.live.cognito;

import dev.cogform.core.model.Analytics;
import dev.cogform.core.model.AppClientField;
import dev.cogform.core.model.AppClientSettings;
import dev.cogform.core.model.RefreshTokenRotation;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AnalyticsConfigurationType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RefreshTokenRotationType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TokenValidityUnitsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UpdateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * Maps canonical {@link AppClientSettings} to Cognito requests and Cognito's
 * {@code UserPoolClientType} back.
 *
 * <p>The mapping is derived from {@link AppClientField}: a scalar or set field travels as itself under
 * its {@link AppClientField#sdkMember()}, set and read through the SDK's own member table
 * ({@code SdkField.set}, {@code SdkField.getValueOrDefault}), so a new plain field needs no code
 * here. Fields whose wire form differs from their canonical value are {@link #BY_HAND}: durations
 * (sent in a unit) and structures. {@code SdkField} is SDK-protected API, which may change between
 * minor SDK versions; the guard tests would catch that before a release does.
 *
 * <p>Writes send every mutable field with an explicit value, defaults, {@code false}, 0 and empty
 * lists included: Cognito resets whatever an update leaves out, and some peers keep it instead, so
 * only an explicit value means the same everywhere. The three token validities always travel with
 * their units. The only members left out are those whose default is "absent" and that have no
 * explicit empty form (a null value: {@code DefaultRedirectURI}, {@code AnalyticsConfiguration}).
 *
 * <p>Reads use the SDK's string forms of enums (the member table holds those), so values newer than
 * our SDK still show, and treat an absent member (null, or the SDK's auto-constructed empty list) as
 * Cognito's default. The secret is read only as "present or not".
 */
final class AppClientMapper {

    private static final Map<String, SdkField<?>> CREATE = byName(CreateUserPoolClientRequest.builder().sdkFields());
    private static final Map<String, SdkField<?>> UPDATE = byName(UpdateUserPoolClientRequest.builder().sdkFields());
    private static final Map<String, SdkField<?>> CLIENT = byName(UserPoolClientType.builder().sdkFields());

    /** Fields whose wire form is not their canonical value; written and read by hand below. */
    static final Set<AppClientField> BY_HAND = EnumSet.of(AppClientField.ACCESS_TOKEN_VALIDITY,
            AppClientField.ID_TOKEN_VALIDITY, AppClientField.REFRESH_TOKEN_VALIDITY,
            AppClientField.AUTH_SESSION_VALIDITY, AppClientField.ANALYTICS, AppClientField.REFRESH_TOKEN_ROTATION);

    /**
     * Members of {@code UserPoolClientType} this mapper reads into settings (the guard test checks the
     * list): every field's member Describe returns, plus the secret ({@code GenerateSecret} is not
     * readable, its presence is) and the token units.
     */
    static final Set<String> READ_MEMBERS;

    static {
        Set<String> read = new TreeSet<>(Set.of("ClientSecret", "TokenValidityUnits"));
        for (AppClientField f : AppClientField.values()) {
            if (CLIENT.containsKey(f.sdkMember())) {
                read.add(f.sdkMember());
            }
            // Fail at start-up, not on the first write: a derived field must be plain and known to the SDK.
            boolean plain = f.kind() == AppClientField.Kind.SET || f.kind() == AppClientField.Kind.SCALAR;
            if (!BY_HAND.contains(f) && (!plain || !CREATE.containsKey(f.sdkMember()))) {
                throw new IllegalStateException(f + " (" + f.sdkMember() + ") cannot be mapped by member name;"
                        + " map it by hand in AppClientMapper");
            }
        }
        READ_MEMBERS = Set.copyOf(read);
    }

    private AppClientMapper() {
    }

    static CreateUserPoolClientRequest toCreate(String poolId, AppClientSettings s) {
        CreateUserPoolClientRequest.Builder b = CreateUserPoolClientRequest.builder().userPoolId(poolId);
        wire(s, true).forEach((member, value) -> CREATE.get(member).set(b, value));
        return b.build();
    }

    /** The full update; create-only fields ({@code GenerateSecret}) have no member here. */
    static UpdateUserPoolClientRequest toUpdate(String poolId, String clientId, AppClientSettings s) {
        UpdateUserPoolClientRequest.Builder b = UpdateUserPoolClientRequest.builder()
                .userPoolId(poolId)
                .clientId(clientId);
        wire(s, false).forEach((member, value) -> UPDATE.get(member).set(b, value));
        return b.build();
    }

    /** The request members for {@code s}, by SDK member name; null values are left out. */
    private static Map<String, Object> wire(AppClientSettings s, boolean create) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (AppClientField f : AppClientField.values()) {
            if (BY_HAND.contains(f) || (f.createOnly() && !create)) {
                continue;
            }
            Object value = f.get(s);
            if (value != null) {
                out.put(f.sdkMember(), value instanceof Collection<?> set ? List.copyOf(set) : value);
            }
        }
        Tokens t = Tokens.of(s);
        out.put("AccessTokenValidity", t.access);
        out.put("IdTokenValidity", t.id);
        out.put("RefreshTokenValidity", t.refresh);
        out.put("TokenValidityUnits", t.units);
        out.put("AuthSessionValidity", authSessionMinutes(s));
        if (s.analytics() != null) {
            out.put("AnalyticsConfiguration", analytics(s.analytics()));
        }
        out.put("RefreshTokenRotation", rotation(s.refreshTokenRotation()));
        return out;
    }

    /** The canonical settings of a described client; absent members read as Cognito's defaults. */
    static AppClientSettings toSettings(UserPoolClientType c) {
        AppClientSettings.Builder b = AppClientSettings.builder(c.clientName());
        for (AppClientField f : AppClientField.values()) {
            SdkField<?> member = CLIENT.get(f.sdkMember());
            if (BY_HAND.contains(f) || member == null) {
                continue;
            }
            Object value = member.getValueOrDefault(c);
            if (value != null && !(value instanceof SdkAutoConstructList)) {
                f.set(b, value); // absent: the builder keeps Cognito's default
            }
        }
        TokenValidityUnitsType units = c.tokenValidityUnits();
        TokenUnit accessUnit = TokenUnit.parse(units == null ? null : units.accessTokenAsString(), TokenUnit.HOURS);
        TokenUnit idUnit = TokenUnit.parse(units == null ? null : units.idTokenAsString(), TokenUnit.HOURS);
        TokenUnit refreshUnit = TokenUnit.parse(units == null ? null : units.refreshTokenAsString(), TokenUnit.DAYS);
        return b.generateSecret(c.clientSecret() != null && !c.clientSecret().isEmpty())
                .accessTokenValiditySeconds(seconds(c.accessTokenValidity(), accessUnit,
                        AppClientSettings.DEFAULT_ACCESS_TOKEN_SECONDS))
                .idTokenValiditySeconds(seconds(c.idTokenValidity(), idUnit,
                        AppClientSettings.DEFAULT_ID_TOKEN_SECONDS))
                .refreshTokenValiditySeconds(seconds(c.refreshTokenValidity(), refreshUnit,
                        AppClientSettings.DEFAULT_REFRESH_TOKEN_SECONDS))
                .authSessionValiditySeconds(c.authSessionValidity() == null
                        ? AppClientSettings.DEFAULT_AUTH_SESSION_SECONDS : c.authSessionValidity() * 60L)
                .analytics(analytics(c.analyticsConfiguration()))
                .refreshTokenRotation(rotation(c.refreshTokenRotation()))
                .build();
    }

    private static Map<String, SdkField<?>> byName(List<SdkField<?>> fields) {
        return fields.stream().collect(Collectors.toUnmodifiableMap(SdkField::memberName, Function.identity()));
    }

    private static long seconds(Integer value, TokenUnit unit, long fallback) {
        return value == null ? fallback : value * unit.seconds();
    }

    private static int authSessionMinutes(AppClientSettings s) {
        long seconds = s.authSessionValiditySeconds();
        if (seconds % 60 != 0 || seconds / 60 > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("auth_session_validity must be whole minutes (3m to 15m), got "
                    + seconds + "s");
        }
        return (int) (seconds / 60);
    }

    private static RefreshTokenRotationType rotation(RefreshTokenRotation r) {
        return RefreshTokenRotationType.builder()
                .feature(r.feature())
                .retryGracePeriodSeconds(r.retryGracePeriodSeconds())
                .build();
    }

    private static RefreshTokenRotation rotation(RefreshTokenRotationType r) {
        if (r == null || r.featureAsString() == null) {
            return RefreshTokenRotation.DEFAULT;
        }
        return new RefreshTokenRotation(r.featureAsString(),
                r.retryGracePeriodSeconds() == null ? 0 : r.retryGracePeriodSeconds());
    }

    private static AnalyticsConfigurationType analytics(Analytics a) {
        return AnalyticsConfigurationType.builder()
                .applicationId(a.applicationId())
                .applicationArn(a.applicationArn())
                .roleArn(a.roleArn())
                .externalId(a.externalId())
                .userDataShared(a.userDataShared())
                .build();
    }

    private static Analytics analytics(AnalyticsConfigurationType a) {
        if (a == null) {
            return null;
        }
        return new Analytics(a.applicationId(), a.applicationArn(), a.roleArn(), a.externalId(),
                Boolean.TRUE.equals(a.userDataShared()));
    }

    /** The three validities in the units that express each exactly. */
    private record Tokens(int access, int id, int refresh, TokenValidityUnitsType units) {

        static Tokens of(AppClientSettings s) {
            TokenUnit access = TokenUnit.exact(s.accessTokenValiditySeconds());
            TokenUnit id = TokenUnit.exact(s.idTokenValiditySeconds());
            TokenUnit refresh = TokenUnit.exact(s.refreshTokenValiditySeconds());
            return new Tokens(
                    value("access", s.accessTokenValiditySeconds(), access),
                    value("id", s.idTokenValiditySeconds(), id),
                    value("refresh", s.refreshTokenValiditySeconds(), refresh),
                    TokenValidityUnitsType.builder()
                            .accessToken(access.wire()).idToken(id.wire()).refreshToken(refresh.wire()).build());
        }

        private static int value(String token, long seconds, TokenUnit unit) {
            long value = seconds / unit.seconds();
            if (seconds < 0 || value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(token + " token validity of " + seconds + "s is out of range");
            }
            return (int) value;
        }
    }
}
