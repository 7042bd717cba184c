#!/usr/bin/env bash
# Writes a synthetic stack: DIR/cogform.yaml with N app clients spread over P pools, four kinds of
# settings in turn (like the bench module's SyntheticClients). ENDPOINT is provider.endpoint
# (default: sandbox); the pools are named, so a plan's first request is ListUserPools.
#   usage: gen-stack.sh DIR N [P] [ENDPOINT]
set -euo pipefail
dir="$1" n="$2" pools="${3:-5}" endpoint="${4:-sandbox}"
mkdir -p "$dir"
{
  echo "version: 1"
  echo "provider:"
  echo "  region: us-east-1"
  echo "  endpoint: \"$endpoint\""
  echo "variables:"
  echo "  domain: app.example.com"
  echo "pools:"
  for ((p = 0; p < pools; p++)); do
    echo "  pool$p:"
    echo "    name: bench-pool-$p"
    echo "    defaults:"
    echo "      token_validity: { access: 1h, id: 1h, refresh: 30d }"
    echo "      prevent_user_existence_errors: ENABLED"
    echo "      supported_identity_providers: [COGNITO]"
    echo "    clients:"
    for ((i = p; i < n; i += pools)); do
      echo "      c$i:"
      echo "        name: client-$i"
      case $((i / pools % 4)) in
        0) echo "        explicit_auth_flows: [ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]"
           echo "        allowed_oauth_flows_user_pool_client: true"
           echo "        allowed_oauth_flows: [code]"
           echo "        allowed_oauth_scopes: [openid, email, profile]"
           echo "        callback_urls: [\"https://\${var.domain}/c$i/callback\", \"http://localhost:3000/callback\"]"
           echo "        logout_urls: [\"https://\${var.domain}/c$i/\"]"
           echo "        read_attributes: [email, email_verified, name]"
           echo "        write_attributes: [email, name]" ;;
        1) echo "        explicit_auth_flows: [ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]"
           echo "        token_validity: { access: 15m, id: 15m }" ;;
        2) echo "        generate_secret: true"
           echo "        explicit_auth_flows: [ALLOW_USER_PASSWORD_AUTH, ALLOW_REFRESH_TOKEN_AUTH]"
           echo "        enable_token_revocation: true" ;;
        3) echo "        explicit_auth_flows: [ALLOW_CUSTOM_AUTH, ALLOW_REFRESH_TOKEN_AUTH]"
           echo "        allowed_oauth_flows_user_pool_client: true"
           echo "        allowed_oauth_flows: [implicit]"
           echo "        allowed_oauth_scopes: [openid]"
           echo "        callback_urls: [\"https://\${var.domain}/c$i/implicit\"]" ;;
      esac
    done
  done
} > "$dir/cogform.yaml"
