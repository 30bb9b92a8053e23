import { createContext, useContext } from "react";

// The CSP nonce of this response, for the inline scripts React Router and GOV.UK Frontend need.
// Browsers hide nonce attributes from scripts, so on the client it is empty, which is harmless.
const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}
