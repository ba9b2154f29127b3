import {
  HeartbeatSchema,
  IpcChannel,
  KioskConfigSchema,
  type HeartbeatReport,
  type InvokeChannel,
  type InvokeReply,
  ProblemReportSchema,
  type KioskConfig,
  type ProblemReport,
  type SendChannel,
} from '../../contract';
import type { AdminHandlers } from './adminTools';
import { isAppUrl } from './navigationPolicy';

export interface IpcDependencies {
  getConfig(): KioskConfig;
  logProblem(report: ProblemReport): void;
  heartbeat(beat: HeartbeatReport): void;
  /** A batch of play events (checked by the play log itself, which counts refusals). */
  reportPlay(payload: unknown): void;
  /** The staff admin's calls, by channel (see adminService.ts). */
  admin: AdminHandlers;
  devServerOrigin?: string;
}

/** What main needs to know about who sent a message. */
export interface IpcSender {
  /** URL of the frame that sent it (event.senderFrame.url). */
  frameUrl: string | undefined;
  /** Whether the frame is its window's top frame. */
  isMainFrame: boolean;
}

export class IpcRejection extends Error {}

/** Only the app's own top-level page may talk to main. */
export function assertTrustedSender(sender: IpcSender, devServerOrigin?: string): void {
  if (!sender.isMainFrame || !sender.frameUrl || !isAppUrl(sender.frameUrl, devServerOrigin)) {
    throw new IpcRejection('message refused: it did not come from the kiosk page');
  }
}

export type InvokeHandler<C extends InvokeChannel = InvokeChannel> = (
  sender: IpcSender,
  payload: unknown,
) => InvokeReply<C> | Promise<InvokeReply<C>>;
export type SendHandler = (sender: IpcSender, payload: unknown) => void;

/** Exactly one handler per channel of the contract (contract/ipc.ts), typed by its reply. */
export interface IpcHandlerTable {
  invoke: { [C in InvokeChannel]: InvokeHandler<C> };
  send: { [C in SendChannel]: SendHandler };
}

/**
 * The handler table main registers. Each checks the sender and its payload with the
 * contract's zod schemas; tests call the same table directly.
 */
export function createIpcHandlers(deps: IpcDependencies): IpcHandlerTable {
  const trusted =
    <C extends InvokeChannel>(handler: (payload: unknown) => Promise<InvokeReply<C>>) =>
    (sender: IpcSender, payload: unknown) => {
      assertTrustedSender(sender, deps.devServerOrigin);
      return handler(payload);
    };
  const admin = Object.fromEntries(
    Object.entries(deps.admin).map(([channel, handler]) => [
      channel,
      trusted(handler as (payload: unknown) => Promise<never>),
    ]),
  ) as { [C in keyof AdminHandlers]: InvokeHandler<C> };
  return {
    invoke: {
      [IpcChannel.getKioskConfig]: (sender) => {
        assertTrustedSender(sender, deps.devServerOrigin);
        return KioskConfigSchema.parse(deps.getConfig());
      },
      ...admin,
    },
    send: {
      [IpcChannel.reportProblem]: (sender, payload) => {
        assertTrustedSender(sender, deps.devServerOrigin);
        const report = ProblemReportSchema.safeParse(payload);
        if (report.success) deps.logProblem(report.data);
      },
      [IpcChannel.heartbeat]: (sender, payload) => {
        assertTrustedSender(sender, deps.devServerOrigin);
        const beat = HeartbeatSchema.safeParse(payload);
        if (beat.success) deps.heartbeat(beat.data);
      },
      [IpcChannel.reportPlay]: (sender, payload) => {
        assertTrustedSender(sender, deps.devServerOrigin);
        deps.reportPlay(payload);
      },
    },
  };
}
