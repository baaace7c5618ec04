package io.branchkey.pin;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;

/**
 * The set-PIN required action, {@value #PROVIDER_ID}. Keycloak performs a required action only if the realm has
 * it registered, so it is registered (enabled) in every realm: existing ones at startup, new ones when created,
 * and before any code adds it to a user.
 */
public final class SetPinRequiredActionFactory implements RequiredActionFactory {

    public static final String PROVIDER_ID = "branchkey-set-pin";
    static final String DISPLAY_NAME = "Set register PIN";

    private static final SetPinRequiredAction INSTANCE = new SetPinRequiredAction();

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return INSTANCE;
    }

    @Override
    public String getDisplayText() {
        return DISPLAY_NAME;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof RealmModel.RealmPostCreateEvent created) {
                ensureRegistered(created.getCreatedRealm());
            } else if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory,
                        session -> session.realms().getRealmsStream().forEach(SetPinRequiredActionFactory::ensureRegistered));
            }
        });
    }

    /** Registers the required action in the realm unless it already is (as an admin may have disabled it). */
    public static void ensureRegistered(RealmModel realm) {
        if (realm.getRequiredActionProviderByAlias(PROVIDER_ID) != null) {
            return;
        }
        RequiredActionProviderModel model = new RequiredActionProviderModel();
        model.setAlias(PROVIDER_ID);
        model.setName(DISPLAY_NAME);
        model.setProviderId(PROVIDER_ID);
        model.setEnabled(true);
        model.setDefaultAction(false);
        model.setPriority(100);
        realm.addRequiredActionProvider(model);
    }

    @Override
    public void close() {
    }
}
