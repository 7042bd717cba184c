package dev.cogform.cli.e2e;

import dev.cogform.core.live.cognito.PeerGap;
import dev.cogform.core.testing.Peers;
import java.net.URI;
import java.util.EnumSet;
import java.util.Set;

/** The drift scenarios against moto_server. */
class DriftMotoEndToEndTest extends DriftScenarios {

    @Override
    URI endpoint() {
        return Peers.moto();
    }

    @Override
    Set<PeerGap> gaps() {
        return EnumSet.of(PeerGap.MERGES_ON_UPDATE, PeerGap.NO_VALIDATION, PeerGap.NO_CLIENT_DATES);
    }
}
