import type { LogEvent } from './systemLog/events';
import { SEED_API_TOKENS, SEED_USERS, type SeedApiToken, type SeedUser } from './seed';

export interface UserRecord extends SeedUser {
	lastLogin: string | null;
}

export interface SessionTokenRecord {
	userId: string;
	expiresAt: number;
}

export interface SessionRecord {
	id: string;
	userId: string;
	createdAt: number;
	expiresAt: number;
	lastPasswordVerification: number;
	ended: boolean;
}

export interface AccessTokenRecord {
	clientId: string;
	scopes: string[];
	expiresAt: number;
}

/** Everything the org holds; `reset()` puts it back to the seed. */
export class Store {
	users: UserRecord[] = [];
	apiTokens: SeedApiToken[] = SEED_API_TOKENS;
	sessionTokens = new Map<string, SessionTokenRecord>();
	sessions = new Map<string, SessionRecord>();
	accessTokens = new Map<string, AccessTokenRecord>();
	/** Client assertion ids already redeemed, so a replayed assertion is refused. */
	usedAssertionIds = new Set<string>();
	logEvents: LogEvent[] = [];

	constructor() {
		this.reset();
	}

	reset(): void {
		this.users = SEED_USERS.map((user) => ({ ...user, lastLogin: null }));
		this.sessionTokens.clear();
		this.sessions.clear();
		this.accessTokens.clear();
		this.usedAssertionIds.clear();
		this.logEvents = [];
	}

	userById(id: string): UserRecord | undefined {
		return this.users.find((user) => user.id === id);
	}

	userByLogin(login: string): UserRecord | undefined {
		const wanted = login.toLowerCase();
		return this.users.find((user) => user.login.toLowerCase() === wanted);
	}

	/** Okta resolves an id, a full login, or an unambiguous short name (the part before `@`). */
	findUser(idOrLogin: string): UserRecord | undefined {
		const byIdOrLogin = this.userById(idOrLogin) ?? this.userByLogin(idOrLogin);
		if (byIdOrLogin) return byIdOrLogin;

		const shortName = idOrLogin.toLowerCase();
		const matches = this.users.filter(
			(user) => user.login.toLowerCase().split('@')[0] === shortName,
		);
		return matches.length === 1 ? matches[0] : undefined;
	}

	/** A session that has ended or expired no longer exists, as far as the API is concerned. */
	liveSession(id: string, now: number): SessionRecord | undefined {
		const session = this.sessions.get(id);
		if (!session || session.ended || session.expiresAt <= now) return undefined;
		return session;
	}

	liveSessionsOf(userId: string, now: number): SessionRecord[] {
		return [...this.sessions.values()].filter(
			(session) => session.userId === userId && this.liveSession(session.id, now),
		);
	}
}
