/**
 * @module The wiki's icon at `/favicon.ico`, where browsers ask for it unprompted: a 32×32 PNG in an ICO
 * container (224 bytes), so no page view is followed by a 404. A placeholder until the UI has its own icon.
 */

/** The icon's bytes. */
export const FAVICON_ICO = Buffer.from(
  'AAABAAEAICAAAAEAIADKAAAAFgAAAIlQTkcNChoKAAAADUlIRFIAAAAgAAAAIAgGAAAAc3p69AAAAJFJREFUeNrtl0sKwCAMBb1Rj9ZF70+7FWll8qNPMOBGTN4EoiatrWTHed1k/SJaAhMVD0FkibsgssVNEFXiCGI83JtVaOaLM68CeIWQB7BAED9ceFEAVJCeYLMsN0AZQB/Quu8G+MqIAOBXcQNsAM9NoHv4W6biVlsHgP6IGQC6LZlEUyrRlksMJhKjmcRwWm0PoeNYSuS3pwcAAAAASUVORK5CYII=',
  'base64',
);
