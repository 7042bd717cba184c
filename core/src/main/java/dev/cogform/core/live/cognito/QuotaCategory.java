package dev.cogform.core.live.cognito;

import dev.cogform.core.desired.QuotaConfig;

/**
 * Cognito's request-rate quota categories, per account and region (developer guide, "Quotas").
 * Only the two app-client categories are configurable; the others are fixed at Cognito's defaults.
 */
enum QuotaCategory {
    USER_POOL_CLIENT_READ,
    USER_POOL_CLIENT_UPDATE,
    USER_POOL_READ,
    USER_POOL_RESOURCE_READ;

    double perSecond(QuotaConfig quotas) {
        return switch (this) {
            case USER_POOL_CLIENT_READ -> quotas.clientReadPerSecond();
            case USER_POOL_CLIENT_UPDATE -> quotas.clientUpdatePerSecond();
            case USER_POOL_READ -> 15;
            case USER_POOL_RESOURCE_READ -> 20;
        };
    }
}
