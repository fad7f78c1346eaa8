import { describeTeamKill } from './testing/team-kill.ts'

// The processes share the harness's home: its SQLite file and its media folder.
describeTeamKill('SQLite', async () => ({}))
