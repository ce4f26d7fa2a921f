/**
 * Every error the simulator emits, with Meta's code/subcode/type and the message in each
 * supported locale. Clients must classify by `code`/`error_subcode`; the `ja` texts exist so a
 * test can switch the locale and prove that nothing keys on message text (Meta localises them:
 * a live 2534014 has come back in Japanese).
 *
 * `{name}` placeholders are filled from the error's vars. Entries with `oauth` also have the
 * api.instagram.com shape `{"error_type","code":400,"error_message"}` used by the OAuth host.
 */
export type Localised = { en: string; ja: string };

export type ErrorSpec = {
  code: number;
  subcode?: number;
  type: string;
  status: number;
  transient: boolean;
  message: Localised;
  userTitle?: Localised;
  userMsg?: Localised;
  /** Message used when the OAuth host answers in Instagram's own error shape. */
  oauth?: Localised;
};

const same = (text: string): Localised => ({ en: text, ja: text });

export const ERRORS = {
  // Transient and ambiguous
  unknownError: {
    code: 1, type: "OAuthException", status: 500, transient: true,
    message: { en: "An unknown error has occurred.", ja: "不明なエラーが発生しました。" },
  },
  serviceUnavailable: {
    code: 2, type: "OAuthException", status: 503, transient: true,
    message: { en: "An unexpected error has occurred. Please retry your request later.", ja: "予期しないエラーが発生しました。後でもう一度お試しください。" },
  },
  sentButErrored: {
    code: 1, subcode: 1357046, type: "OAuthException", status: 500, transient: true,
    message: { en: "Received Invalid JSON reply.", ja: "無効なJSON応答を受信しました。" },
  },

  // Routing and parameters
  unsupportedVersion: {
    code: 12, type: "GraphMethodException", status: 400, transient: false,
    message: { en: "(#12) {version} is not a supported version of the Graph API", ja: "(#12) {version} はサポートされているGraph APIのバージョンではありません" },
  },
  unknownPath: {
    code: 2500, type: "OAuthException", status: 400, transient: false,
    message: { en: "Unknown path components: {path}", ja: "不明なパスコンポーネント: {path}" },
  },
  unsupportedRequest: {
    code: 100, subcode: 33, type: "GraphMethodException", status: 400, transient: false,
    message: {
      en: "Unsupported {method} request. Object with ID '{id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api",
      ja: "サポートされていない{method}リクエストです。ID '{id}' のオブジェクトは存在しないか、権限がないため読み込めないか、この操作をサポートしていません。https://developers.facebook.com/docs/graph-api のGraph APIドキュメントをご覧ください",
    },
  },
  nonexistingField: {
    code: 100, type: "OAuthException", status: 400, transient: false,
    message: { en: "(#100) Tried accessing nonexisting field ({field}) on node type ({node})", ja: "(#100) ノードタイプ({node})に存在しないフィールド({field})にアクセスしようとしました" },
  },
  invalidParameter: {
    code: 100, type: "OAuthException", status: 400, transient: false,
    message: { en: "(#100) {detail}", ja: "(#100) パラメーターが無効です: {detail}" },
  },
  requestTooLarge: {
    code: 100, type: "OAuthException", status: 413, transient: false,
    message: { en: "(#100) The request body is too large", ja: "(#100) リクエスト本文が大きすぎます" },
  },

  // Tokens
  missingToken: {
    code: 2500, type: "OAuthException", status: 400, transient: false,
    message: { en: "An active access token must be used to query information about the current user.", ja: "現在のユーザーに関する情報を照会するには、有効なアクセストークンを使用する必要があります。" },
  },
  tokenUnparseable: {
    code: 190, type: "OAuthException", status: 400, transient: false,
    message: { en: "Invalid OAuth access token - Cannot parse access token", ja: "無効なOAuthアクセストークンです - アクセストークンを解析できません" },
  },
  tokenExpired: {
    code: 190, subcode: 463, type: "OAuthException", status: 400, transient: false,
    message: { en: "Error validating access token: Session has expired on {expiredAt}. The current time is {now}.", ja: "アクセストークンの検証エラー: セッションは{expiredAt}に期限切れになりました。現在の時刻は{now}です。" },
  },
  tokenSessionInvalidated: {
    code: 190, subcode: 460, type: "OAuthException", status: 400, transient: false,
    message: {
      en: "Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.",
      ja: "アクセストークンの検証エラー: ユーザーがパスワードを変更したか、セキュリティ上の理由でセッションが変更されたため、セッションは無効になりました。",
    },
  },
  tokenInvalid: {
    code: 190, subcode: 467, type: "OAuthException", status: 400, transient: false,
    message: { en: "Error validating access token: The session is invalid because the user logged out.", ja: "アクセストークンの検証エラー: ユーザーがログアウトしたため、セッションは無効です。" },
  },
  tokenAppNotAuthorized: {
    code: 190, subcode: 458, type: "OAuthException", status: 400, transient: false,
    message: { en: "Error validating access token: The user has not authorized application {appId}.", ja: "アクセストークンの検証エラー: ユーザーはアプリケーション{appId}を承認していません。" },
  },
  appsecretProofMissing: {
    code: 100, type: "GraphMethodException", status: 400, transient: false,
    message: { en: "API calls from the server require an appsecret_proof argument", ja: "サーバーからのAPI呼び出しにはappsecret_proof引数が必要です" },
  },
  appsecretProofInvalid: {
    code: 100, type: "GraphMethodException", status: 400, transient: false,
    message: { en: "Invalid appsecret_proof provided in the API argument", ja: "API引数に無効なappsecret_proofが指定されました" },
  },
  tokenNotShortLived: {
    code: 100, type: "OAuthException", status: 400, transient: false,
    message: { en: "(#100) Only a short-lived access token can be exchanged for a long-lived one", ja: "(#100) 長期アクセストークンと交換できるのは短期アクセストークンのみです" },
  },
  tokenNotLongLived: {
    code: 100, type: "OAuthException", status: 400, transient: false,
    message: { en: "(#100) Only a long-lived access token can be refreshed", ja: "(#100) 更新できるのは長期アクセストークンのみです" },
  },
  tokenTooYoung: {
    code: 100, type: "OAuthException", status: 400, transient: false,
    message: { en: "(#100) The access token must be at least 24 hours old to be refreshed", ja: "(#100) アクセストークンを更新できるのは発行から24時間以上経過した後です" },
  },

  // Permissions and policy
  permissionDenied: {
    code: 10, type: "OAuthException", status: 400, transient: false,
    message: { en: "(#10) Application does not have permission for this action", ja: "(#10) アプリケーションにはこの操作を行う権限がありません" },
  },
  humanAgentNotAllowed: {
    code: 10, type: "OAuthException", status: 400, transient: false,
    message: { en: "(#10) The HUMAN_AGENT tag requires the Human Agent feature, which this app does not have", ja: "(#10) HUMAN_AGENTタグにはヒューマンエージェント機能が必要ですが、このアプリにはありません" },
  },
  outsideWindow: {
    code: 10, subcode: 2534022, type: "OAuthException", status: 400, transient: false,
    message: { en: "This message is sent outside of allowed window.", ja: "このメッセージは許可された期間外に送信されています。" },
    userTitle: { en: "Message cannot be sent", ja: "メッセージを送信できません" },
    userMsg: { en: "This message is sent outside of allowed window.", ja: "このメッセージは許可された期間外に送信されています。" },
  },
  noMatchingUser: {
    code: 100, subcode: 2534014, type: "IGApiException", status: 400, transient: false,
    message: { en: "No matching user found", ja: "一致するユーザーが見つかりません" },
    userTitle: { en: "User not found", ja: "ユーザーが見つかりません" },
    userMsg: { en: "The user you are trying to reach cannot be found.", ja: "送信先のユーザーが見つかりません。" },
  },
  privateReplyNotAllowed: {
    code: 100, subcode: 2534025, type: "IGApiException", status: 400, transient: false,
    message: { en: "(#100) This comment can not be replied to privately: {reason}", ja: "(#100) このコメントには非公開で返信できません: {reason}" },
  },
  userUnavailable: {
    code: 551, type: "OAuthException", status: 400, transient: false,
    message: { en: "This person isn't available right now.", ja: "この人は現在対応できません。" },
  },
  dmsDisabled: {
    code: 200, subcode: 2534041, type: "OAuthException", status: 400, transient: false,
    message: { en: "The account owner has disabled access to instagram direct messages", ja: "アカウント所有者がInstagramダイレクトメッセージへのアクセスを無効にしています" },
  },
  notThreadOwner: {
    code: 100, subcode: 2534037, type: "OAuthException", status: 400, transient: false,
    message: { en: "The action is invalid since it's not the thread owner", ja: "スレッドの所有者ではないため、この操作は無効です" },
  },
  profileConsent: {
    code: 230, type: "OAuthException", status: 400, transient: false,
    message: { en: "User consent is required to access user profile", ja: "ユーザープロフィールにアクセスするにはユーザーの同意が必要です" },
  },
  replyToHidden: {
    code: 100, type: "OAuthException", status: 400, transient: false,
    message: { en: "(#100) Hidden comments cannot be replied to", ja: "(#100) 非表示のコメントには返信できません" },
  },
  replyToLive: {
    code: 100, type: "OAuthException", status: 400, transient: false,
    message: { en: "(#100) Comments on live videos cannot be replied to", ja: "(#100) ライブ動画のコメントには返信できません" },
  },

  // Throttling
  messagingRateLimit: {
    code: 613, type: "OAuthException", status: 400, transient: true,
    message: { en: "Calls to this api have exceeded the rate limit.", ja: "このAPIへの呼び出しがレート制限を超えました。" },
  },
  bucRateLimit: {
    code: 80002, type: "OAuthException", status: 400, transient: true,
    message: {
      en: "There have been too many calls to this Instagram account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.",
      ja: "このInstagramアカウントへの呼び出しが多すぎます。しばらく待ってから再度お試しください。詳しくは https://developers.facebook.com/docs/graph-api/overview/rate-limiting をご覧ください。",
    },
  },
  appRateLimit: {
    code: 4, type: "OAuthException", status: 400, transient: true,
    message: { en: "(#4) Application request limit reached", ja: "(#4) アプリケーションのリクエスト上限に達しました" },
  },

  // OAuth (api.instagram.com and the token edges)
  oauthMissingField: {
    code: 100, type: "OAuthException", status: 400, transient: false,
    message: { en: "Missing required field {field}", ja: "必須フィールド{field}がありません" },
    oauth: same("Missing required field {field}"),
  },
  oauthInvalidClient: {
    code: 101, type: "OAuthException", status: 400, transient: false,
    message: { en: "Error validating application. Invalid application ID.", ja: "アプリケーションの検証エラー。無効なアプリケーションIDです。" },
    oauth: same("Invalid platform app"),
  },
  oauthInvalidSecret: {
    code: 101, type: "OAuthException", status: 400, transient: false,
    message: { en: "Error validating client secret.", ja: "クライアントシークレットの検証エラー。" },
    oauth: same("Error validating client secret."),
  },
  oauthInvalidGrant: {
    code: 100, type: "OAuthException", status: 400, transient: false,
    message: { en: "Unsupported grant_type: {grant}", ja: "サポートされていないgrant_typeです: {grant}" },
    oauth: same("Invalid grant_type"),
  },
  oauthRedirectMismatch: {
    code: 100, subcode: 36008, type: "OAuthException", status: 400, transient: false,
    message: {
      en: "Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request",
      ja: "確認コードの検証エラー。redirect_uriがOAuthダイアログのリクエストで使用したものと同一であることを確認してください",
    },
    oauth: same("Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request"),
  },
  oauthCodeUsed: {
    code: 100, subcode: 36009, type: "OAuthException", status: 400, transient: false,
    message: { en: "This authorization code has been used.", ja: "この認証コードは使用済みです。" },
    oauth: same("This authorization code has been used"),
  },
  oauthCodeExpired: {
    code: 100, subcode: 36007, type: "OAuthException", status: 400, transient: false,
    message: { en: "This authorization code has expired.", ja: "この認証コードは期限切れです。" },
    oauth: same("This authorization code has expired"),
  },
  oauthCodeInvalid: {
    code: 100, type: "OAuthException", status: 400, transient: false,
    message: { en: "Invalid verification code format.", ja: "確認コードの形式が無効です。" },
    oauth: same("Invalid authorization code"),
  },
  oauthInvalidRedirectUri: {
    code: 100, type: "OAuthException", status: 400, transient: false,
    message: { en: "Invalid redirect_uri: it does not match any URI configured for this app", ja: "無効なredirect_uriです: このアプリに設定されたURIと一致しません" },
    oauth: same("Invalid redirect_uri"),
  },
  oauthInvalidScope: {
    code: 100, type: "OAuthException", status: 400, transient: false,
    message: { en: "Invalid scope: {scope}", ja: "無効なスコープです: {scope}" },
    oauth: same("Invalid scope field(s): {scope}"),
  },
  oauthInvalidResponseType: {
    code: 100, type: "OAuthException", status: 400, transient: false,
    message: { en: "Invalid response_type: {value}", ja: "無効なresponse_typeです: {value}" },
    oauth: same("Invalid response_type: {value}"),
  },

  // Simulator's own admin API
  adminInvalid: {
    code: 100, type: "SimulatorAdminException", status: 400, transient: false,
    message: same("{detail}"),
  },
  adminNotFound: {
    code: 100, subcode: 33, type: "SimulatorAdminException", status: 404, transient: false,
    message: same("{detail}"),
  },
} satisfies Record<string, ErrorSpec>;

export type ErrorKey = keyof typeof ERRORS;
