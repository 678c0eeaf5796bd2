// The Bot API emulator lives in src/loadtest/ (`npm run loadtest` uses it too); the tests import it from here.
export * from "../../../src/loadtest/emulator.js";
