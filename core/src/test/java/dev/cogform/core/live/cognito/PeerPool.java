package dev.cogform.core.live.cognito;

import dev.cogform.core.live.CognitoGateway;
import java.util.List;
import java.util.UUID;

/** A fresh pool with a random name on a peer, the gateway under test, and the admin client; closing deletes the pool. */
public final class PeerPool implements AutoCloseable {

    public final PeerAdmin admin;
    public final CognitoGateway gateway;
    public final String name;
    public final String id;

    private PeerPool(PeerAdmin admin, CognitoGateway gateway, String name, String id) {
        this.admin = admin;
        this.gateway = gateway;
        this.name = name;
        this.id = id;
    }

    public static PeerPool create(CognitoGatewayContract contract) {
        PeerAdmin admin = contract.newAdmin();
        String name = "cogform-contract-" + UUID.randomUUID();
        String id = admin.createPool(name);
        return new PeerPool(admin, contract.newGateway(), name, id);
    }

    /** A pool whose schema requires the standard attributes {@code required} and has the {@code custom} ones. */
    public static PeerPool create(CognitoGatewayContract contract, List<String> required, List<String> custom) {
        PeerAdmin admin = contract.newAdmin();
        String name = "cogform-contract-" + UUID.randomUUID();
        String id = admin.createPool(name, required, custom);
        return new PeerPool(admin, contract.newGateway(), name, id);
    }

    @Override
    public void close() {
        if (gateway instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        admin.deletePoolQuietly(id);
        admin.close();
    }
}
