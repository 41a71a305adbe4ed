import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A message a consumer has handled; its key makes a redelivered message a no-op ("effects once"). */
@Entity({ name: 'inbox' })
export class InboxMessage {
  @PrimaryColumn({ name: 'message_id', type: 'uuid' })
  messageId!: string;

  /** The consumer (handler) name: one message may be handled by several consumers of one service. */
  @PrimaryColumn('text')
  consumer!: string;

  @Column('text')
  type!: string;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}
