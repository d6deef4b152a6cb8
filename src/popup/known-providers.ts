// Loaded when the Flow tab first judges a profile's endpoints: the hosts each provider documents
// live beside its error catalogue, which the popup's first paint does not carry.
export { PROVIDER_IDENTITIES } from '../core';
