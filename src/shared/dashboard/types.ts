/** Issue 17's dashboard (seed 000 الإحصائيات), as the core computes it for one range and filters. */

export const dashboardPresets = ['today', '7d', '30d', '12m', 'custom'] as const;
export type DashboardPreset = (typeof dashboardPresets)[number];

/** The figures a drill-down lists the episodes (or conversations) behind. */
export const drillFigures = ['episodes', 'answered', 'unanswered', 'withinTarget', 'waiting', 'interested', 'viewingBooked', 'viewingDone', 'offer', 'won'] as const;
export type DrillFigure = (typeof drillFigures)[number];

export interface DashboardRange {
  preset: DashboardPreset;
  /** Office days (YYYY-MM-DD), both included, cut at the office's midnight in its zone. */
  from: string;
  to: string;
  timeZone: string;
  /** Every office day of the range, in order (the charts' axis). */
  days: string[];
}

/** First-response times of a set of episodes, in milliseconds (nearest-rank percentiles). */
export interface ResponseFigures {
  /** Episodes answered by a person. */
  answered: number;
  medianMs: number | null;
  p90Ms: number | null;
  /** The same, counting only the time the office was open. */
  officeMedianMs: number | null;
  officeP90Ms: number | null;
  /** Seed 000's `avgResponseTime`, kept as whole seconds. */
  avgResponseTime: number | null;
}

export interface AgentResponse extends ResponseFigures {
  /** Null: typed on the number's phone. */
  agentId: number | null;
  name: string | null;
}

export interface WaitingEpisode {
  /** Unique among the rows (a key, not a record id): an open episode's is its conversation's id, negated. */
  episodeId: number;
  conversationId: number;
  customer: string;
  numberName: string;
  startedAt: number;
}

export interface DashboardSummary {
  range: DashboardRange;
  /** The office's zone or week changed and the figures are being rebuilt: until then past days are cut the old way. */
  recomputing: boolean;
  targetMinutes: number;
  stats: {
    totalMessages: number;
    incoming: number;
    outgoing: number;
    /** Conversations with an episode started in the range. */
    totalConversations: number;
    episodes: number;
    activeContacts: number;
    avgResponseTime: number | null;
    answeredWithinTarget: number;
    /** Percent of episodes started that a person answered within the target (office hours); null without episodes. */
    responseRate: number | null;
  };
  firstResponse: { total: ResponseFigures; byAgent: AgentResponse[] };
  waiting: { count: number; longest: WaitingEpisode[] };
  charts: {
    messagesByDay: { day: string; incoming: number; outgoing: number }[];
    messageTypes: { type: string; value: number }[];
  };
  whatsappAccounts: { id: number; name: string; phone: string | null; status: string; branch: string | null; quotaUsed: number; quotaLimit: number }[];
  teamPerformance: { name: 'responseRate'; current: number; target: number; percentage: number }[];
  recentConversations: { id: number; customer: string; numberName: string; lastMessage: string | null; lastMessageTime: number | null; status: string }[];
  funnel: { inquiries: number; interested: number; viewingBooked: number; viewingDone: number; offer: number; won: number };
  viewings: {
    done: number;
    noShow: number;
    /** Percent of viewings held or missed that were missed; null when none. */
    noShowRate: number | null;
    next7Days: { id: number; startAt: number; property: string; customer: string; agent: string; status: string }[];
  };
  /** Issued in the range, in halalas: invoices and debit notes less credit notes. */
  invoices: { count: number; net: number; vat: number; total: number; credited: number; unpaid: number; unpaidCount: number };
}

export interface DrillDownRow {
  /** Unique among the rows (a key, not a record id): an open episode's is its conversation's id, negated. */
  episodeId: number;
  conversationId: number;
  customer: string;
  numberName: string;
  startedAt: number;
  firstReplyAt: number | null;
  responseMs: number | null;
  repliedBy: string | null;
  /** Answered, but typed on the phone. */
  onPhone: boolean;
}

export interface DrillDown {
  figure: DrillFigure;
  /** All rows behind the figure (the card's number); `rows` holds the first `limit`. */
  total: number;
  rows: DrillDownRow[];
}
