package io.branchkey.pin;

/** How people sign in with a PIN at a location. */
public enum PinLoginMode {
    /** pick your tile, then type your PIN (the default) */
    TILE_AND_PIN,
    /** type your PIN only; PINs are then unique among the location's members */
    PIN_ONLY
}
